using MentorBot.Core.Dashboard;
using MentorBot.Core.Identity;
using Npgsql;

namespace MentorBot.Storage.Postgres;

/// <summary>
/// The dashboard's data in <c>dashboard_settings</c>, <c>dashboard_sign_ins</c>, <c>dashboard_sessions</c> and
/// <c>dashboard_audit</c>, shared by every host: each compare-and-set is one statement.
/// </summary>
public sealed class PostgresDashboardStore(PostgresStorage storage) : IDashboardStore
{
    private const string SigningKeyName = "signing-key";

    public async Task<byte[]> GetOrAddSigningKeyAsync(byte[] candidate, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(candidate);
        ArgumentOutOfRangeException.ThrowIfZero(candidate.Length, nameof(candidate));
        await storage.DataSource.ExecuteAsync(
            "INSERT INTO dashboard_settings (name, value) VALUES ($1, $2) ON CONFLICT (name) DO NOTHING",
            cancellationToken, SigningKeyName, candidate).ConfigureAwait(false);
        var rows = await storage.DataSource.QueryAsync(
            "SELECT value FROM dashboard_settings WHERE name = $1", r => r.GetFieldValue<byte[]>(0), cancellationToken, SigningKeyName).ConfigureAwait(false);
        return rows[0];
    }

    public async Task<bool> TryUseSignInAsync(string tokenId, DateTimeOffset expiresAt, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(tokenId);
        return await storage.DataSource.ExecuteAsync(
            "INSERT INTO dashboard_sign_ins (token_id, expires_at_utc_ticks) VALUES ($1, $2) ON CONFLICT (token_id) DO NOTHING",
            cancellationToken, tokenId, expiresAt.UtcTicks).ConfigureAwait(false) == 1;
    }

    public Task AddSessionAsync(DashboardSession session, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(session);
        return storage.DataSource.ExecuteAsync(
            """
            INSERT INTO dashboard_sessions (id, community, moderator, display_name, created_at_utc_ticks, expires_at_utc_ticks)
            VALUES ($1, $2, $3, $4, $5, $6)
            """,
            cancellationToken, session.Id, session.Community.ToString(), session.Moderator.ToString(), session.DisplayName,
            session.CreatedAt.UtcTicks, session.ExpiresAt.UtcTicks);
    }

    public Task<DashboardSession?> GetSessionAsync(string id, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(id);
        return storage.DataSource.QuerySingleAsync(
            "SELECT id, community, moderator, display_name, created_at_utc_ticks, expires_at_utc_ticks FROM dashboard_sessions WHERE id = $1",
            r => new DashboardSession(r.GetString(0), CommunityId.Parse(r.GetString(1)), LearnerId.Parse(r.GetString(2)), r.GetString(3), Utc(r, 4), Utc(r, 5)),
            cancellationToken, id);
    }

    public async Task<bool> RemoveSessionAsync(string id, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(id);
        return await storage.DataSource.ExecuteAsync("DELETE FROM dashboard_sessions WHERE id = $1", cancellationToken, id).ConfigureAwait(false) == 1;
    }

    public Task<int> RemoveSessionsAsync(LearnerId moderator, CancellationToken cancellationToken = default) =>
        storage.DataSource.ExecuteAsync("DELETE FROM dashboard_sessions WHERE moderator = $1", cancellationToken, moderator.ToString());

    public Task PruneAsync(DateTimeOffset now, CancellationToken cancellationToken = default) =>
        storage.DataSource.ExecuteBatchAsync(
        [
            ("DELETE FROM dashboard_sessions WHERE expires_at_utc_ticks <= $1", [now.UtcTicks]),
            ("DELETE FROM dashboard_sign_ins WHERE expires_at_utc_ticks <= $1", [now.UtcTicks]),
        ], cancellationToken);

    public Task AddAuditAsync(DashboardAuditEntry entry, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(entry);
        return storage.DataSource.ExecuteAsync(
            "INSERT INTO dashboard_audit (community, moderator, display_name, action, detail, at_utc_ticks) VALUES ($1, $2, $3, $4, $5, $6)",
            cancellationToken, entry.Community.ToString(), entry.Moderator.ToString(), entry.DisplayName, entry.Action, entry.Detail, entry.At.UtcTicks);
    }

    public async Task<IReadOnlyList<DashboardAuditEntry>> ListAuditAsync(CommunityId community, int limit, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(limit);
        return await storage.DataSource.QueryAsync(
            "SELECT community, moderator, display_name, action, detail, at_utc_ticks FROM dashboard_audit WHERE community = $1 ORDER BY id DESC LIMIT $2",
            r => new DashboardAuditEntry(CommunityId.Parse(r.GetString(0)), LearnerId.Parse(r.GetString(1)), r.GetString(2), r.GetString(3), r.GetString(4), Utc(r, 5)),
            cancellationToken, community.ToString(), limit).ConfigureAwait(false);
    }

    private static DateTimeOffset Utc(NpgsqlDataReader reader, int ordinal) => new(reader.GetInt64(ordinal), TimeSpan.Zero);
}
