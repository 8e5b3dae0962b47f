namespace MentorBot.Core.Storage;

/// <summary>
/// Remembers the keys of requests already accepted (a Slack signature, a Discord interaction id) until they expire,
/// so a request captured and sent again is recognised. With several hosts on one database, every host sees the keys
/// any of them remembered.
/// </summary>
public interface IReplayGuard
{
    /// <summary>
    /// True when <paramref name="key"/> was not remembered (or its memory had expired), and it is now remembered until
    /// <paramref name="expiresAt"/>; false while an earlier caller's memory of it lasts. Atomic across callers and hosts.
    /// </summary>
    ValueTask<bool> TryRememberAsync(string key, DateTimeOffset expiresAt, CancellationToken cancellationToken = default);
}
