using MentorBot.Core.Delivery;
using MentorBot.Core.Identity;

namespace MentorBot.Storage.Postgres;

/// <summary>Pending "we could not reach you" notices in <c>undeliverable_notices</c>, one per learner.</summary>
public sealed class PostgresUndeliverableNotices(PostgresStorage storage) : IUndeliverableNotices
{
    public Task SetAsync(UndeliverableNotice notice, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(notice);
        return storage.DataSource.ExecuteAsync("""
            INSERT INTO undeliverable_notices (learner, reason, at_utc_ticks) VALUES ($1, $2, $3)
            ON CONFLICT (learner) DO UPDATE SET reason = excluded.reason, at_utc_ticks = excluded.at_utc_ticks
            """,
            cancellationToken, notice.Learner.ToString(), notice.Reason, notice.At.UtcTicks);
    }

    /// <summary>DELETE … RETURNING: exactly one of several concurrent consumers, on any host, gets the row.</summary>
    public Task<UndeliverableNotice?> TryConsumeAsync(LearnerId learner, CancellationToken cancellationToken = default) =>
        storage.DataSource.QuerySingleAsync(
            "DELETE FROM undeliverable_notices WHERE learner = $1 RETURNING reason, at_utc_ticks",
            r => new UndeliverableNotice(learner, r.GetString(0), Ticks.Utc(r.GetInt64(1))),
            cancellationToken, learner.ToString());
}
