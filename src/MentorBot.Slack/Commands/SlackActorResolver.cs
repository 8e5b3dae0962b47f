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

    public async Task<Actor> ResolveAsync(string userId, string? userName, CancellationToken cancellationToken)
    {
        var user = await LookUpAsync(userId, cancellationToken);
        var listed = options.Value.ModeratorUserIds.Contains(userId, StringComparer.Ordinal);
        var name = user?.DisplayName ?? userName ?? user?.Name ?? userId;
        return new Actor(new LearnerId("slack", userId), name, listed || user is { IsAdmin: true } or { IsOwner: true })
        {
            TimeZoneHint = user?.TimeZone,
        };
    }

    private async Task<SlackUser?> LookUpAsync(string userId, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        if (_cache.TryGetValue(userId, out var cached) && cached.Expires > now)
            return cached.User;
        try
        {
            var user = await api.GetUserAsync(userId, cancellationToken);
            _cache[userId] = new Cached(user, now + options.Value.UserCacheDuration);
            return user;
        }
        catch (Exception ex) when (ex is SlackApiException or HttpRequestException or System.Text.Json.JsonException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            // Answering without admin rights or a time zone beats not answering; a stale entry beats none.
            LogLookupFailed(logger, ex.Message);
            return cached?.User;
        }
    }

    private sealed record Cached(SlackUser User, DateTimeOffset Expires);

    [LoggerMessage(EventId = 710, Level = LogLevel.Warning, Message = "users.info failed ({Reason}); answering as a non-moderator without a time zone")]
    private static partial void LogLookupFailed(ILogger logger, string reason);
}
