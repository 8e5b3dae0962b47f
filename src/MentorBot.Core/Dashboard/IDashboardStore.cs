using MentorBot.Core.Identity;

namespace MentorBot.Core.Dashboard;

/// <summary>
/// The dashboard's own data: the signing key, used sign-in links, sessions and the audit log.
/// </summary>
/// <remarks>
/// Contract for every implementation (tests/MentorBot.Storage.Contract/DashboardStoreContract):
/// <list type="bullet">
/// <item>Every call is atomic across threads and, for providers shared by several hosts, across hosts.</item>
/// <item><see cref="GetOrAddSigningKeyAsync"/> stores the candidate only when no key is stored, and returns the stored
/// key: every caller, on every host, gets the same bytes forever after.</item>
/// <item><see cref="TryUseSignInAsync"/> is true for exactly one caller per token id while it is remembered (at least
/// until <c>expiresAt</c>).</item>
/// <item>Sessions and audit entries survive a restart; the audit log is only appended to.</item>
/// </list>
/// </remarks>
public interface IDashboardStore
{
    Task<byte[]> GetOrAddSigningKeyAsync(byte[] candidate, CancellationToken cancellationToken = default);

    /// <summary>True the first time a token id is used; false for every later use.</summary>
    Task<bool> TryUseSignInAsync(string tokenId, DateTimeOffset expiresAt, CancellationToken cancellationToken = default);

    Task AddSessionAsync(DashboardSession session, CancellationToken cancellationToken = default);

    /// <summary>The session with this id, expired or not (the caller compares the expiry with its clock); null if none.</summary>
    Task<DashboardSession?> GetSessionAsync(string id, CancellationToken cancellationToken = default);

    /// <summary>Ends one session; true if it existed.</summary>
    Task<bool> RemoveSessionAsync(string id, CancellationToken cancellationToken = default);

    /// <summary>Ends every session of <paramref name="moderator"/>, in every community; returns how many.</summary>
    Task<int> RemoveSessionsAsync(LearnerId moderator, CancellationToken cancellationToken = default);

    /// <summary>Deletes sessions and used-link records that expired at or before <paramref name="now"/>.</summary>
    Task PruneAsync(DateTimeOffset now, CancellationToken cancellationToken = default);

    Task AddAuditAsync(DashboardAuditEntry entry, CancellationToken cancellationToken = default);

    /// <summary>The community's latest entries, newest first, at most <paramref name="limit"/>.</summary>
    Task<IReadOnlyList<DashboardAuditEntry>> ListAuditAsync(CommunityId community, int limit, CancellationToken cancellationToken = default);
}
