using MentorBot.Core.Delivery;
using MentorBot.Core.Identity;
using Npgsql;

namespace MentorBot.Storage.Postgres;

/// <summary>
/// The delivery outbox in <c>deliveries</c>. An enqueue is one <c>INSERT … ON CONFLICT DO NOTHING</c> against the key
/// and the (learner, local week) constraint, so concurrent enqueues on any number of hosts have one winner; each status
/// change is one conditional UPDATE on a pending row.
/// </summary>
public sealed class PostgresDeliveryOutbox(PostgresStorage storage) : IDeliveryOutbox
{
    private const string Columns =
        "key, learner, community, slot_utc_ticks, local_week, roadmap_week, kind, status, attempts, created_at_utc_ticks, " +
        "next_attempt_at_utc_ticks, completed_at_utc_ticks, last_error";

    private static readonly string Pending = nameof(DeliveryRecordStatus.Pending);

    public async Task<bool> TryEnqueueAsync(DeliveryRecord record, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(record);
        return await storage.DataSource.ExecuteAsync($"""
            INSERT INTO deliveries ({Columns}) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)
            ON CONFLICT DO NOTHING
            """,
            cancellationToken,
            record.Key, record.Learner.ToString(), record.Community.ToString(), record.SlotUtc.UtcTicks, record.LocalWeek, record.RoadmapWeek,
            record.Kind.ToString(), record.Status.ToString(), record.Attempts, record.CreatedAt.UtcTicks, record.NextAttemptAt.UtcTicks,
            record.CompletedAt?.UtcTicks, record.LastError).ConfigureAwait(false) == 1;
    }

    public Task<DeliveryRecord?> GetAsync(string key, CancellationToken cancellationToken = default) =>
        storage.DataSource.QuerySingleAsync($"SELECT {Columns} FROM deliveries WHERE key = $1", ToRecord, cancellationToken, key);

    public Task<bool> MarkSentAsync(string key, DateTimeOffset at, CancellationToken cancellationToken = default) =>
        UpdatePendingAsync(
            "status = 'Sent', attempts = attempts + 1, completed_at_utc_ticks = $2, last_error = NULL",
            cancellationToken, key, at.UtcTicks);

    public Task<bool> MarkUndeliverableAsync(string key, DateTimeOffset at, string reason, CancellationToken cancellationToken = default) =>
        UpdatePendingAsync(
            "status = 'Undeliverable', attempts = attempts + 1, completed_at_utc_ticks = $2, last_error = $3",
            cancellationToken, key, at.UtcTicks, reason);

    public Task<bool> MarkFailedAttemptAsync(string key, DateTimeOffset nextAttemptAt, string reason, CancellationToken cancellationToken = default) =>
        UpdatePendingAsync(
            "attempts = attempts + 1, next_attempt_at_utc_ticks = $2, last_error = $3",
            cancellationToken, key, nextAttemptAt.UtcTicks, reason);

    public async Task<IReadOnlyList<DeliveryRecord>> ListPendingAsync(DateTimeOffset now, CancellationToken cancellationToken = default) =>
        await storage.DataSource.QueryAsync(
            $"SELECT {Columns} FROM deliveries WHERE status = 'Pending' AND next_attempt_at_utc_ticks <= $1 ORDER BY next_attempt_at_utc_ticks, slot_utc_ticks, key",
            ToRecord, cancellationToken, now.UtcTicks).ConfigureAwait(false);

    public async Task<IReadOnlyList<DeliveryRecord>> ListRecentAsync(CommunityId community, int count, CancellationToken cancellationToken = default) =>
        await storage.DataSource.QueryAsync(
            $"SELECT {Columns} FROM deliveries WHERE community = $1 ORDER BY slot_utc_ticks DESC, key LIMIT $2",
            ToRecord, cancellationToken, community.ToString(), Math.Max(0, count)).ConfigureAwait(false);

    public Task<DeliveryRecord?> FindLatestAsync(LearnerId learner, CancellationToken cancellationToken = default) =>
        storage.DataSource.QuerySingleAsync(
            $"SELECT {Columns} FROM deliveries WHERE learner = $1 ORDER BY slot_utc_ticks DESC, key LIMIT 1",
            ToRecord, cancellationToken, learner.ToString());

    public async Task<DateTimeOffset?> GetCursorAsync(CancellationToken cancellationToken = default)
    {
        var rows = await storage.DataSource.QueryAsync("SELECT utc_ticks FROM delivery_cursor WHERE id = 1", r => r.GetInt64(0), cancellationToken)
            .ConfigureAwait(false);
        return rows.Count == 0 ? null : Ticks.Utc(rows[0]);
    }

    public Task SetCursorAsync(DateTimeOffset cursor, CancellationToken cancellationToken = default) =>
        storage.DataSource.ExecuteAsync(
            "INSERT INTO delivery_cursor (id, utc_ticks) VALUES (1, $1) ON CONFLICT (id) DO UPDATE SET utc_ticks = excluded.utc_ticks",
            cancellationToken, cursor.UtcTicks);

    private async Task<bool> UpdatePendingAsync(string set, CancellationToken cancellationToken, params object?[] args) =>
        await storage.DataSource.ExecuteAsync($"UPDATE deliveries SET {set} WHERE key = $1 AND status = '{Pending}'", cancellationToken, args)
            .ConfigureAwait(false) == 1;

    private static DeliveryRecord ToRecord(NpgsqlDataReader r) => new(
        r.GetString(0),
        LearnerId.Parse(r.GetString(1)),
        CommunityId.Parse(r.GetString(2)),
        Ticks.Utc(r.GetInt64(3)),
        r.GetString(4),
        r.GetInt32(5),
        Enum.Parse<DeliveryKind>(r.GetString(6)),
        Enum.Parse<DeliveryRecordStatus>(r.GetString(7)),
        r.GetInt32(8),
        Ticks.Utc(r.GetInt64(9)),
        Ticks.Utc(r.GetInt64(10)),
        r.NullableInt64(11) is { } completed ? Ticks.Utc(completed) : null,
        r.NullableString(12));
}
