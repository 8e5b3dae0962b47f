using LiteDB;
using MentorBot.Core.Dashboard;
using MentorBot.Core.Identity;
using MentorBot.Storage.LiteDb.Documents;

namespace MentorBot.Storage.LiteDb;

/// <summary>
/// The dashboard's data in four collections: <c>dashboard_settings</c>, <c>dashboard_sign_ins</c>,
/// <c>dashboard_sessions</c> and <c>dashboard_audit</c>. The file belongs to one process, so the write lock makes
/// each compare-and-set atomic.
/// </summary>
public sealed class LiteDbDashboardStore(LiteDbContext context) : IDashboardStore
{
    internal const string SettingsCollection = "dashboard_settings";
    internal const string SignInsCollection = "dashboard_sign_ins";
    internal const string SessionsCollection = "dashboard_sessions";
    internal const string AuditCollection = "dashboard_audit";

    private const string SigningKeyId = "signing-key";

    public Task<byte[]> GetOrAddSigningKeyAsync(byte[] candidate, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(candidate);
        ArgumentOutOfRangeException.ThrowIfZero(candidate.Length, nameof(candidate));
        cancellationToken.ThrowIfCancellationRequested();
        lock (context.WriteLock)
        {
            var settings = Settings();
            if (settings.FindById(SigningKeyId) is { } stored)
                return Task.FromResult(stored.Value);
            settings.Insert(new DashboardSettingDocument { Id = SigningKeyId, Value = candidate });
            return Task.FromResult(candidate);
        }
    }

    public Task<bool> TryUseSignInAsync(string tokenId, DateTimeOffset expiresAt, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(tokenId);
        cancellationToken.ThrowIfCancellationRequested();
        lock (context.WriteLock)
        {
            var signIns = SignIns();
            if (signIns.FindById(tokenId) is not null)
                return Task.FromResult(false);
            signIns.Insert(new DashboardSignInDocument { Id = tokenId, ExpiresAtUtcTicks = expiresAt.UtcTicks });
            return Task.FromResult(true);
        }
    }

    public Task AddSessionAsync(DashboardSession session, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(session);
        cancellationToken.ThrowIfCancellationRequested();
        lock (context.WriteLock)
        {
            Sessions().Insert(new DashboardSessionDocument
            {
                Id = session.Id,
                Community = session.Community.ToString(),
                Moderator = session.Moderator.ToString(),
                DisplayName = session.DisplayName,
                CreatedAtUtcTicks = session.CreatedAt.UtcTicks,
                ExpiresAtUtcTicks = session.ExpiresAt.UtcTicks,
            });
        }
        return Task.CompletedTask;
    }

    public Task<DashboardSession?> GetSessionAsync(string id, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(id);
        cancellationToken.ThrowIfCancellationRequested();
        var document = id.Length == 0 ? null : Sessions().FindById(id);
        return Task.FromResult(document is null ? null : new DashboardSession(
            document.Id, CommunityId.Parse(document.Community), LearnerId.Parse(document.Moderator), document.DisplayName,
            Utc(document.CreatedAtUtcTicks), Utc(document.ExpiresAtUtcTicks)));
    }

    public Task<bool> RemoveSessionAsync(string id, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(id);
        cancellationToken.ThrowIfCancellationRequested();
        lock (context.WriteLock)
            return Task.FromResult(id.Length > 0 && Sessions().Delete(id));
    }

    public Task<int> RemoveSessionsAsync(LearnerId moderator, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var key = moderator.ToString();
        lock (context.WriteLock)
            return Task.FromResult(Sessions().DeleteMany(s => s.Moderator == key));
    }

    public Task PruneAsync(DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var ticks = now.UtcTicks;
        lock (context.WriteLock)
        {
            Sessions().DeleteMany(s => s.ExpiresAtUtcTicks <= ticks);
            SignIns().DeleteMany(s => s.ExpiresAtUtcTicks <= ticks);
        }
        return Task.CompletedTask;
    }

    public Task AddAuditAsync(DashboardAuditEntry entry, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(entry);
        cancellationToken.ThrowIfCancellationRequested();
        lock (context.WriteLock)
        {
            Audit().Insert(new DashboardAuditDocument
            {
                Community = entry.Community.ToString(),
                Moderator = entry.Moderator.ToString(),
                DisplayName = entry.DisplayName,
                Action = entry.Action,
                Detail = entry.Detail,
                AtUtcTicks = entry.At.UtcTicks,
            });
        }
        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<DashboardAuditEntry>> ListAuditAsync(CommunityId community, int limit, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(limit);
        cancellationToken.ThrowIfCancellationRequested();
        var key = community.ToString();
        IReadOnlyList<DashboardAuditEntry> entries = [.. Audit().Query().Where(a => a.Community == key)
            .OrderByDescending(a => a.Id).Limit(limit).ToEnumerable()
            .Select(a => new DashboardAuditEntry(
                CommunityId.Parse(a.Community), LearnerId.Parse(a.Moderator), a.DisplayName, a.Action, a.Detail, Utc(a.AtUtcTicks)))];
        return Task.FromResult(entries);
    }

    internal static void EnsureIndexes(LiteDatabase database)
    {
        database.GetCollection<DashboardSessionDocument>(SessionsCollection).EnsureIndex(x => x.Moderator);
        database.GetCollection<DashboardAuditDocument>(AuditCollection, BsonAutoId.Int64).EnsureIndex(x => x.Community);
    }

    private static DateTimeOffset Utc(long ticks) => new(ticks, TimeSpan.Zero);

    private ILiteCollection<DashboardSettingDocument> Settings() => context.Database.GetCollection<DashboardSettingDocument>(SettingsCollection);

    private ILiteCollection<DashboardSignInDocument> SignIns() => context.Database.GetCollection<DashboardSignInDocument>(SignInsCollection);

    private ILiteCollection<DashboardSessionDocument> Sessions() => context.Database.GetCollection<DashboardSessionDocument>(SessionsCollection);

    private ILiteCollection<DashboardAuditDocument> Audit() => context.Database.GetCollection<DashboardAuditDocument>(AuditCollection, BsonAutoId.Int64);
}
