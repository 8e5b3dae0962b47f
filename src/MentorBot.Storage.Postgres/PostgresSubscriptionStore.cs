using MentorBot.Core.Identity;
using MentorBot.Core.Storage;
using Npgsql;
using MentorBot.Core.Subscriptions;

namespace MentorBot.Storage.Postgres;

/// <summary>Weekly delivery subscriptions in <c>subscriptions</c>, one per learner.</summary>
public sealed class PostgresSubscriptionStore(PostgresStorage storage) : ISubscriptionStore
{
    internal const string Columns =
        "learner, community, day_of_week, time_of_day_ticks, time_zone_id, paused_until, created_at_utc_ticks, created_at_offset_minutes";

    public Task<Subscription?> GetAsync(LearnerId learner, CancellationToken cancellationToken = default) =>
        storage.DataSource.QuerySingleAsync($"SELECT {Columns} FROM subscriptions WHERE learner = $1", ToSubscription, cancellationToken, learner.ToString());

    public async Task UpsertAsync(Subscription subscription, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(subscription);
        await storage.DataSource.ExecuteAsync($"""
            INSERT INTO subscriptions ({Columns}) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
            ON CONFLICT (learner) DO UPDATE SET community = excluded.community, day_of_week = excluded.day_of_week,
                time_of_day_ticks = excluded.time_of_day_ticks, time_zone_id = excluded.time_zone_id, paused_until = excluded.paused_until,
                created_at_utc_ticks = excluded.created_at_utc_ticks, created_at_offset_minutes = excluded.created_at_offset_minutes
            """,
            cancellationToken,
            subscription.Learner.ToString(), subscription.Community.ToString(), (int)subscription.Day, subscription.Time.Ticks,
            subscription.TimeZoneId, subscription.PausedUntil, subscription.CreatedAt.UtcTicks, Ticks.Offset(subscription.CreatedAt)).ConfigureAwait(false);
    }

    public async Task<bool> DeleteAsync(LearnerId learner, CancellationToken cancellationToken = default) =>
        await storage.DataSource.ExecuteAsync("DELETE FROM subscriptions WHERE learner = $1", cancellationToken, learner.ToString()).ConfigureAwait(false) == 1;

    /// <summary>All subscriptions, oldest first.</summary>
    public async Task<IReadOnlyList<Subscription>> ListAllAsync(CancellationToken cancellationToken = default) =>
        await storage.DataSource.QueryAsync($"SELECT {Columns} FROM subscriptions ORDER BY created_at_utc_ticks, learner", ToSubscription, cancellationToken)
            .ConfigureAwait(false);

    internal static Subscription ToSubscription(NpgsqlDataReader r) => new(
        LearnerId.Parse(r.GetString(0)),
        CommunityId.Parse(r.GetString(1)),
        (DayOfWeek)r.GetInt32(2),
        new TimeOnly(r.GetInt64(3)),
        r.GetString(4),
        r.IsDBNull(5) ? null : r.Date(5),
        Ticks.ToDateTimeOffset(r.GetInt64(6), r.GetInt32(7)));
}
