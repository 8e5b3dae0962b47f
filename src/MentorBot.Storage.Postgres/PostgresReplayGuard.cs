using MentorBot.Core.Storage;

namespace MentorBot.Storage.Postgres;

/// <summary>
/// <see cref="IReplayGuard"/> in <c>seen_requests</c>, shared by every host on the database. Remembering is one
/// statement: the insert wins, or replaces a row whose memory has expired; a live row makes it affect nothing. Expired
/// rows are deleted at most once a minute per host, on the next call.
/// </summary>
public sealed class PostgresReplayGuard(PostgresStorage storage, TimeProvider time) : IReplayGuard
{
    private static readonly TimeSpan PruneEvery = TimeSpan.FromMinutes(1);

    private long _nextPruneTicks = time.GetUtcNow().Add(PruneEvery).UtcTicks;

    public async ValueTask<bool> TryRememberAsync(string key, DateTimeOffset expiresAt, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(key);
        var now = time.GetUtcNow().UtcTicks;
        var due = Interlocked.Read(ref _nextPruneTicks);
        if (now >= due && Interlocked.CompareExchange(ref _nextPruneTicks, now + PruneEvery.Ticks, due) == due)
        {
            await storage.DataSource.ExecuteAsync(
                "DELETE FROM seen_requests WHERE expires_at_utc_ticks <= $1", cancellationToken, now).ConfigureAwait(false);
        }

        var inserted = await storage.DataSource.ExecuteAsync(
            """
            INSERT INTO seen_requests (key, expires_at_utc_ticks) VALUES ($1, $2)
            ON CONFLICT (key) DO UPDATE SET expires_at_utc_ticks = excluded.expires_at_utc_ticks
            WHERE seen_requests.expires_at_utc_ticks <= $3
            """,
            cancellationToken, key, expiresAt.UtcTicks, now).ConfigureAwait(false);
        return inserted == 1;
    }

    /// <summary>Rows held now, expired ones not yet pruned included; for tests.</summary>
    public async Task<long> CountAsync(CancellationToken cancellationToken = default)
    {
        var rows = await storage.DataSource.QueryAsync("SELECT count(*) FROM seen_requests", r => r.GetInt64(0), cancellationToken).ConfigureAwait(false);
        return rows[0];
    }
}
