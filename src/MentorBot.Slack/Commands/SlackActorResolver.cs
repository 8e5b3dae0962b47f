using System.Collections.Concurrent;
using MentorBot.Core.Commands;
using MentorBot.Core.Identity;
using MentorBot.Slack.WebApi;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace MentorBot.Slack.Commands;

/// <summary>
/// Turns a Slack user id into a core <see cref="Actor"/>: moderators are workspace admins or owners, or listed in
/// <c>Slack:ModeratorUserIds</c>; the time zone hint is the profile's <c>tz</c>. <c>users.info</c> answers are cached
/// because every command needs them and the method is rate-limited.
/// </summary>
public sealed partial class SlackActorResolver(
    SlackApiClient api,
    IOptions<SlackOptions> options,
    TimeProvider time,
    ILogger<SlackActorResolver> logger)
{
    private readonly ConcurrentDictionary<string, Cached> _cache = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, Lazy<Task<SlackUser?>>> _inFlight = new(StringComparer.Ordinal);

    public async Task<Actor> ResolveAsync(string userId, string? userName, CancellationToken cancellationToken)
    {
        var user = await LookUpAsync(userId, cancellationToken).ConfigureAwait(false);
        var listed = options.Value.ModeratorUserIds.Contains(userId, StringComparer.Ordinal);
        var name = user?.DisplayName ?? userName ?? user?.Name ?? userId;
        return new Actor(new LearnerId("slack", userId), name, listed || user is { IsAdmin: true } or { IsOwner: true })
        {
            TimeZoneHint = user?.TimeZone,
        };
    }

    private async Task<SlackUser?> LookUpAsync(string userId, CancellationToken cancellationToken)
    {
        if (_cache.TryGetValue(userId, out var cached) && cached.Expires > time.GetUtcNow())
            return cached.User;
        // Single flight: concurrent lookups of one user share one call (a burst of commands used to make one call
        // each, spending the method's rate budget). Lazy, because GetOrAdd may run its factory more than once.
        var lookup = _inFlight.GetOrAdd(userId, id => new Lazy<Task<SlackUser?>>(() => FetchAsync(id)));
        return await lookup.Value.WaitAsync(cancellationToken).ConfigureAwait(false);
    }

    // Shared by every waiting caller, so no caller's token may cancel it; the HTTP client's timeout bounds it.
    private async Task<SlackUser?> FetchAsync(string userId)
    {
        try
        {
            var user = await api.GetUserAsync(userId, CancellationToken.None).ConfigureAwait(false);
            _cache[userId] = new Cached(user, time.GetUtcNow() + options.Value.UserCacheDuration);
            return user;
        }
        catch (Exception ex) when (ex is SlackApiException or HttpRequestException or System.Text.Json.JsonException or TaskCanceledException)
        {
            // Answering without admin rights or a time zone beats not answering; a stale entry beats none.
            LogLookupFailed(logger, ex, ex.Message);
            return _cache.TryGetValue(userId, out var stale) ? stale.User : null;
        }
        finally
        {
            // The entry is this lookup's own: no other can be added for the user while it is present.
            _inFlight.TryRemove(userId, out _);
        }
    }

    private sealed record Cached(SlackUser User, DateTimeOffset Expires);

    [LoggerMessage(EventId = 710, Level = LogLevel.Warning, Message = "users.info failed ({Reason}); answering as a non-moderator without a time zone")]
    private static partial void LogLookupFailed(ILogger logger, Exception exception, string reason);
}
