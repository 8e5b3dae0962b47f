using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using MentorBot.Core.Identity;

namespace MentorBot.Core.Dashboard;

/// <summary>
/// Sign-in tokens: <c>base64url(payload).base64url(HMAC-SHA256(key, payload))</c>. The payload is line-separated:
/// version, token id, platform, community id, user id, expiry (UTC ticks), display name. Ids are checked against
/// <see cref="PlatformIds"/> before signing, so none can hold a line break; the display name comes last and may.
/// </summary>
public static class DashboardTokens
{
    private const string Version = "v1";
    public const int MaxDisplayNameLength = 100;

    /// <summary>Longer than any token <see cref="Issue"/> makes; longer input is not even decoded.</summary>
    public const int MaxTokenLength = 1024;

    public static string Issue(byte[] key, DashboardSignInClaims claims)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(claims);
        if (!PlatformIds.IsValid(claims.TokenId) || !PlatformIds.IsValid(claims.Community.Platform) || !PlatformIds.IsValid(claims.Community.Id)
            || !PlatformIds.IsValid(claims.Moderator.UserId) || claims.Moderator.Platform != claims.Community.Platform)
            throw new ArgumentException("A sign-in token needs well-formed ids on one platform.", nameof(claims));
        var name = claims.DisplayName.Length > MaxDisplayNameLength ? claims.DisplayName[..MaxDisplayNameLength] : claims.DisplayName;
        var payload = string.Join('\n',
            Version, claims.TokenId, claims.Community.Platform, claims.Community.Id, claims.Moderator.UserId,
            claims.ExpiresAt.UtcTicks.ToString(CultureInfo.InvariantCulture), name);
        var bytes = Encoding.UTF8.GetBytes(payload);
        return Base64Url(bytes) + "." + Base64Url(HMACSHA256.HashData(key, bytes));
    }

    /// <summary>Checks the signature first (constant time), then the expiry; claims are returned only when both hold.</summary>
    public static DashboardTokenStatus Verify(byte[] key, string? token, DateTimeOffset now, out DashboardSignInClaims? claims)
    {
        ArgumentNullException.ThrowIfNull(key);
        claims = null;
        if (string.IsNullOrEmpty(token) || token.Length > MaxTokenLength)
            return DashboardTokenStatus.Invalid;
        var dot = token.IndexOf('.', StringComparison.Ordinal);
        if (dot <= 0 || !TryDecode(token[..dot], out var payload) || !TryDecode(token[(dot + 1)..], out var signature))
            return DashboardTokenStatus.Invalid;
        if (!CryptographicOperations.FixedTimeEquals(HMACSHA256.HashData(key, payload), signature))
            return DashboardTokenStatus.Invalid;

        var parts = Encoding.UTF8.GetString(payload).Split('\n', 7);
        if (parts.Length != 7 || parts[0] != Version
            || !long.TryParse(parts[5], NumberStyles.None, CultureInfo.InvariantCulture, out var ticks)
            || ticks < DateTimeOffset.MinValue.UtcTicks || ticks > DateTimeOffset.MaxValue.UtcTicks)
            return DashboardTokenStatus.Invalid;
        var expires = new DateTimeOffset(ticks, TimeSpan.Zero);
        if (now >= expires)
            return DashboardTokenStatus.Expired;
        claims = new DashboardSignInClaims(parts[1], new CommunityId(parts[2], parts[3]), new LearnerId(parts[2], parts[4]), parts[6], expires);
        return DashboardTokenStatus.Valid;
    }

    /// <summary>A new random token id: 128 bits as 32 hex digits.</summary>
    public static string NewTokenId() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));

    private static string Base64Url(byte[] bytes) =>
        Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private static bool TryDecode(string text, out byte[] bytes)
    {
        bytes = [];
        if (text.Length == 0 || text.Length % 4 == 1)
            return false;
        var standard = text.Replace('-', '+').Replace('_', '/');
        standard = standard.PadRight(standard.Length + ((4 - (standard.Length % 4)) % 4), '=');
        var buffer = new byte[standard.Length];
        if (!Convert.TryFromBase64String(standard, buffer, out var written))
            return false;
        bytes = buffer[..written];
        return true;
    }
}
