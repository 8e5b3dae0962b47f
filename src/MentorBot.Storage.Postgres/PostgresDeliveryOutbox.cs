using MentorBot.Core.Delivery;
using MentorBot.Core.Identity;
using Npgsql;

namespace MentorBot.Storage.Postgres;

/// <summary>
/// The delivery outbox in <c>deliveries</c>. An enqueue is an <c>INSERT … ON CONFLICT DO NOTHING</c> against the key
/// and the (learner, local week) constraint, so concurrent enqueues on any number of hosts have one winner; a batch of
/// them is one round trip and one transaction. Hosts share the sending by claiming due rows with
/// <c>FOR UPDATE SKIP LOCKED</c>, and every mark is conditional on the row still being pending and claimed by the
/// marking host.
/// </summary>
public sealed class PostgresDeliveryOutbox(PostgresStorage storage) : IDeliveryOutbox
{
    internal const string Columns =
        "key, learner, community, slot_utc_ticks, local_week, roadmap_week, kind, status, attempts, created_at_utc_ticks, " +
        "next_attempt_at_utc_ticks, completed_at_utc_ticks, last_error, claimed_by, claimed_until_utc_ticks, claims";

    private const string InsertColumns =
        "key, learner, community, slot_utc_ticks, local_week, roadmap_week, kind, status, attempts, created_at_utc_ticks, " +
        "next_attempt_at_utc_ticks, completed_at_utc_ticks, last_error";

    private const string Insert = $"""
        INSERT INTO deliveries ({InsertColumns}) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)
        ON CONFLICT DO NOTHING
        """;

    // The subquery locks the rows it picks and skips rows another host is claiming right now; a row it waits on is
    // re-checked after the other claim commits (READ COMMITTED), so a live claim is never taken twice.
    private const string Claim = $"""
        UPDATE deliveries SET claimed_by = $1, claimed_until_utc_ticks = $3, claims = claims + 1
        WHERE key IN (
            SELECT key FROM deliveries
            WHERE status = 'Pending' AND next_attempt_at_utc_ticks <= $2 AND (claimed_until_utc_ticks IS NULL OR claimed_until_utc_ticks <= $2)
            ORDER BY next_attempt_at_utc_ticks, slot_utc_ticks, key
            LIMIT $4
            FOR UPDATE SKIP LOCKED)
        RETURNING {Columns}
        """;

    private const string Owned = "WHERE key = $1 AND status = 'Pending' AND claimed_by = $2";

    private static readonly Dictionary<DeliveryMarkKind, string> MarkSql = new()
    {
        [DeliveryMarkKind.Sent] = $"UPDATE deliveries SET status = 'Sent', attempts = attempts + 1, completed_at_utc_ticks = $3, last_error = NULL, claimed_by = NULL, claimed_until_utc_ticks = NULL {Owned}",
        [DeliveryMarkKind.Undeliverable] = $"UPDATE deliveries SET status = 'Undeliverable', attempts = attempts + 1, completed_at_utc_ticks = $3, last_error = $4, claimed_by = NULL, claimed_until_utc_ticks = NULL {Owned}",
        [DeliveryMarkKind.FailedAttempt] = $"UPDATE deliveries SET attempts = attempts + 1, next_attempt_at_utc_ticks = $3, last_error = $4, claimed_by = NULL, claimed_until_utc_ticks = NULL {Owned}",
        [DeliveryMarkKind.Released] = $"UPDATE deliveries SET next_attempt_at_utc_ticks = $3, last_error = COALESCE($4::text, last_error), claims = GREATEST(claims - 1, 0), claimed_by = NULL, claimed_until_utc_ticks = NULL {Owned}",
    };

    public async Task<bool> TryEnqueueAsync(DeliveryRecord record, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(record);
        return await storage.DataSource.ExecuteAsync(Insert, cancellationToken, InsertArgs(record)).ConfigureAwait(false) == 1;
    }

    public async Task<IReadOnlySet<string>> TryEnqueueManyAsync(IReadOnlyList<DeliveryRecord> records, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(records);
        var added = new HashSet<string>(StringComparer.Ordinal);
        if (records.Count == 0)
            return added;
        // One batch is one implicit transaction: one round trip and one commit for all of them.
        var affected = await storage.DataSource.ExecuteBatchAsync([.. records.Select(r => (Insert, InsertArgs(r)))], cancellationToken).ConfigureAwait(false);
        for (var i = 0; i < records.Count; i++)
        {
            if (affected[i] == 1)
                added.Add(records[i].Key);
        }
        return added;
    }

    public async Task<IReadOnlyList<DeliveryRecord>> ClaimDueAsync(string owner, DateTimeOffset now, TimeSpan lease, int max, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(owner);
        var rows = await storage.DataSource.QueryAsync(Claim, ToRecord, cancellationToken, owner, now.UtcTicks, (now + lease).UtcTicks, Math.Max(0, max))
            .ConfigureAwait(false);
        // RETURNING follows no ORDER BY.
        return [.. rows.OrderBy(r => r.NextAttemptAt).ThenBy(r => r.SlotUtc).ThenBy(r => r.Key, StringComparer.Ordinal)];
    }

    public async Task<IReadOnlySet<string>> MarkManyAsync(string owner, IReadOnlyList<DeliveryMark> marks, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(marks);
        var applied = new HashSet<string>(StringComparer.Ordinal);
        if (marks.Count == 0)
            return applied;
        var affected = await storage.DataSource.ExecuteBatchAsync(
            [.. marks.Select(m => (MarkSql[m.Kind], m.Kind == DeliveryMarkKind.Sent
                ? new object?[] { m.Key, owner, m.At.UtcTicks } // a parameter the statement does not use has no type
                : new object?[] { m.Key, owner, m.At.UtcTicks, m.Reason }))], cancellationToken).ConfigureAwait(false);
        for (var i = 0; i < marks.Count; i++)
        {
            if (affected[i] == 1)
                applied.Add(marks[i].Key);
        }
        return applied;
    }

    public Task<DeliveryRecord?> GetAsync(string key, CancellationToken cancellationToken = default) =>
        storage.DataSource.QuerySingleAsync($"SELECT {Columns} FROM deliveries WHERE key = $1", ToRecord, cancellationToken, key);

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
            "INSERT INTO delivery_cursor (id, utc_ticks) VALUES (1, $1) ON CONFLICT (id) DO UPDATE SET utc_ticks = GREATEST(delivery_cursor.utc_ticks, excluded.utc_ticks)",
            cancellationToken, cursor.UtcTicks);

    private static object?[] InsertArgs(DeliveryRecord record) =>
    [
        record.Key, record.Learner.ToString(), record.Community.ToString(), record.SlotUtc.UtcTicks, record.LocalWeek, record.RoadmapWeek,
        record.Kind.ToString(), record.Status.ToString(), record.Attempts, record.CreatedAt.UtcTicks, record.NextAttemptAt.UtcTicks,
        record.CompletedAt?.UtcTicks, record.LastError,
    ];

    internal static DeliveryRecord ToRecord(NpgsqlDataReader r) => new(
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
        r.NullableString(12))
    {
        ClaimedBy = r.NullableString(13),
        ClaimedUntil = r.NullableInt64(14) is { } until ? Ticks.Utc(until) : null,
        Claims = r.GetInt32(15),
    };
}
