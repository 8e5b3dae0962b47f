using System.Security.Cryptography;
using System.Text;
using MentorBot.Core.Dashboard;
using MentorBot.Core.Identity;
using Microsoft.Extensions.Logging;

namespace MentorBot.Dashboard.Sessions;

/// <summary>
/// Turns sign-in links into sessions and sessions back into a moderator and community, and keeps the audit log. The
/// cookie holds a random secret; storage holds only its SHA-256, so the database alone signs no one in.
/// </summary>
public sealed partial class DashboardSessions(IDashboardStore store, DashboardSigningKey key, TimeProvider time, ILogger<DashboardSessions> logger)
{
    /// <summary>The audit log's actions.</summary>
    public static class Actions
    {
        public const string SignIn = "sign-in";
        public const string SignOut = "sign-out";
        public const string SignOutEverywhere = "sign-out-everywhere";
        public const string ChallengePost = "challenge-post";
        public const string ChallengeClose = "challenge-close";
        public const string LearnersExport = "learners-export";
        public const string QuestionAlternate = "question-alternate";
        public const string QuestionDraft = "question-draft";
    }

    /// <summary>Signature and age only: opening a link (a chat app's preview, too) must not use it up.</summary>
    public async Task<(DashboardTokenStatus Status, DashboardSignInClaims? Claims)> CheckAsync(string? token, CancellationToken cancellationToken)
    {
        var status = DashboardTokens.Verify(await key.GetAsync(cancellationToken).ConfigureAwait(false), token, time.GetUtcNow(), out var claims);
        return (status, claims);
    }

    /// <summary>Uses the link up and starts a session; the cookie secret is returned only on success.</summary>
    public async Task<SignInOutcome> ExchangeAsync(string? token, CancellationToken cancellationToken)
    {
        var (status, claims) = await CheckAsync(token, cancellationToken).ConfigureAwait(false);
        if (status != DashboardTokenStatus.Valid || claims is null)
        {
            var refused = status == DashboardTokenStatus.Expired ? SignInStatus.Expired : SignInStatus.Invalid;
            LogSignInRefused(logger, refused);
            return new SignInOutcome(refused, null, null);
        }
        if (!await store.TryUseSignInAsync(claims.TokenId, claims.ExpiresAt, cancellationToken).ConfigureAwait(false))
        {
            LogSignInRefused(logger, SignInStatus.AlreadyUsed);
            return new SignInOutcome(SignInStatus.AlreadyUsed, null, null);
        }

        var now = time.GetUtcNow();
        await store.PruneAsync(now, cancellationToken).ConfigureAwait(false);
        var secret = Base64Url(RandomNumberGenerator.GetBytes(32));
        var session = new DashboardSession(HashOf(secret), claims.Community, claims.Moderator, claims.DisplayName, now, now + DashboardOptions.SessionLifetime);
        await store.AddSessionAsync(session, cancellationToken).ConfigureAwait(false);
        await AuditAsync(session, Actions.SignIn, "", cancellationToken).ConfigureAwait(false);
        LogSignedIn(logger, session.Moderator, session.Community);
        return new SignInOutcome(SignInStatus.SignedIn, session, secret);
    }

    /// <summary>The live session a cookie names, or null (no cookie, unknown, ended or expired).</summary>
    public async Task<DashboardSession?> FindAsync(string? cookieSecret, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(cookieSecret) || cookieSecret.Length > 100)
            return null;
        var session = await store.GetSessionAsync(HashOf(cookieSecret), cancellationToken).ConfigureAwait(false);
        return session is not null && time.GetUtcNow() < session.ExpiresAt ? session : null;
    }

    public async Task SignOutAsync(DashboardSession session, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(session);
        await store.RemoveSessionAsync(session.Id, cancellationToken).ConfigureAwait(false);
        await AuditAsync(session, Actions.SignOut, "", cancellationToken).ConfigureAwait(false);
        LogSignedOut(logger, session.Moderator, 1);
    }

    /// <summary>Ends every session of the moderator, in every community and browser.</summary>
    public async Task SignOutEverywhereAsync(DashboardSession session, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(session);
        var ended = await store.RemoveSessionsAsync(session.Moderator, cancellationToken).ConfigureAwait(false);
        await AuditAsync(session, Actions.SignOutEverywhere, $"{ended} session(s) ended", cancellationToken).ConfigureAwait(false);
        LogSignedOut(logger, session.Moderator, ended);
    }

    public Task AuditAsync(DashboardSession session, string action, string detail, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(session);
        return store.AddAuditAsync(
            new DashboardAuditEntry(session.Community, session.Moderator, session.DisplayName, action, detail, time.GetUtcNow()), cancellationToken);
    }

    public Task<IReadOnlyList<DashboardAuditEntry>> ListAuditAsync(CommunityId community, int limit, CancellationToken cancellationToken) =>
        store.ListAuditAsync(community, limit, cancellationToken);

    internal static string HashOf(string secret) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    [LoggerMessage(EventId = 1501, Level = LogLevel.Information, Message = "Dashboard sign-in: {Moderator} in {Community}")]
    private static partial void LogSignedIn(ILogger logger, LearnerId moderator, CommunityId community);

    [LoggerMessage(EventId = 1502, Level = LogLevel.Information, Message = "Dashboard sign-in refused: {Reason}")]
    private static partial void LogSignInRefused(ILogger logger, SignInStatus reason);

    [LoggerMessage(EventId = 1503, Level = LogLevel.Information, Message = "Dashboard sign-out: {Moderator}, {Sessions} session(s) ended")]
    private static partial void LogSignedOut(ILogger logger, LearnerId moderator, int sessions);
}
