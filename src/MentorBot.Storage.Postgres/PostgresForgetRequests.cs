using MentorBot.Core.Identity;
using MentorBot.Core.Privacy;

namespace MentorBot.Storage.Postgres;

/// <summary>
/// <see cref="IForgetRequests"/> in <c>forget_requests</c>, so a <c>/forget confirm</c> that reaches another host than
/// the <c>/forget</c> did still finds its request. Taking is one <c>DELETE … RETURNING</c>: of two hosts confirming at
/// once, one gets the row.
/// </summary>
public sealed class PostgresForgetRequests(PostgresStorage storage) : IForgetRequests
{
    public Task OpenAsync(LearnerId learner, DateTimeOffset until, DateTimeOffset now, CancellationToken cancellationToken = default) =>
        storage.DataSource.ExecuteBatchAsync(
        [
            ("DELETE FROM forget_requests WHERE until_utc_ticks <= $1", [now.UtcTicks]),
            ("""
             INSERT INTO forget_requests (learner, until_utc_ticks) VALUES ($1, $2)
             ON CONFLICT (learner) DO UPDATE SET until_utc_ticks = excluded.until_utc_ticks
             """, [learner.ToString(), until.UtcTicks]),
        ], cancellationToken);

    public async Task<DateTimeOffset?> TakeAsync(LearnerId learner, CancellationToken cancellationToken = default)
    {
        var rows = await storage.DataSource.QueryAsync(
            "DELETE FROM forget_requests WHERE learner = $1 RETURNING until_utc_ticks",
            r => r.GetInt64(0), cancellationToken, learner.ToString()).ConfigureAwait(false);
        return rows.Count == 0 ? null : Ticks.Utc(rows[0]);
    }
}
