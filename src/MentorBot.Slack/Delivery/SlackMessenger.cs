using System.Collections.Concurrent;
using MentorBot.Core.Commands;
using MentorBot.Core.Delivery;
using MentorBot.Core.Identity;
using MentorBot.Core.Storage;
using MentorBot.Slack.Rendering;
using MentorBot.Slack.WebApi;
using Microsoft.Extensions.Logging;

namespace MentorBot.Slack.Delivery;

/// <summary>
/// Sends unrequested messages (weekly tasks, announcements) to Slack. A DM needs <c>conversations.open</c> first, a
/// Tier 3 method, so the DM channel id is remembered: in memory in front, in <see cref="IDirectChannelStore"/> behind,
/// so a restart does not open every learner's conversation again. A remembered channel Slack says is gone is forgotten
/// and opened afresh, once.
/// </summary>
/// <remarks>
/// Slack has no idempotent post, so every post carries the delivery key in its message metadata. When the core says an
/// earlier attempt may already have posted (<see cref="OutboundAttempt.MayAlreadyBeSent"/>: the record was attempted
/// before, or an earlier claim by a host that died or lost its lease may have posted it before the outbox heard), the
/// DM's history since the record was written is searched for that key first. Other attempts skip the search:
/// <c>conversations.history</c> is Tier 3.
/// </remarks>
public sealed partial class SlackMessenger(
    SlackApiClient api, IDirectChannelStore channels, ILogger<SlackMessenger> logger) : IOutboundMessenger
{
    private static readonly HashSet<string> Undeliverable = new(StringComparer.Ordinal)
    {
        "user_not_found", "cannot_dm_bot", "channel_not_found", "user_disabled", "user_not_visible",
        "is_archived", "not_in_channel", "account_inactive", "messages_tab_disabled", "restricted_action",
    };

    // What chat.postMessage answers for a DM channel id that no longer leads anywhere; opening the DM again fixes it.
    private static readonly HashSet<string> ChannelGone = new(StringComparer.Ordinal) { "channel_not_found", "is_archived" };

    // Slack stamps ts with its own clock; a margin keeps a little skew from hiding a post made just after enqueueing.
    private static readonly TimeSpan ClockSkewMargin = TimeSpan.FromMinutes(5);

    // A weekly DM is found within the first pages unless the learner chatted with the bot at length since.
    private const int MaxHistoryPages = 5;

    private readonly ConcurrentDictionary<string, string> _dmChannels = new(StringComparer.Ordinal);

    public string Platform => "slack";

    public async Task<DeliveryOutcome> SendDirectAsync(LearnerId learner, Reply message, OutboundAttempt attempt, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(attempt);
        var idempotencyKey = attempt.Key;
        if (learner.Platform != Platform)
            return DeliveryOutcome.Undeliverable($"{learner} is not a Slack user.");
        return await DeliverAsync(async ct =>
        {
            var (channel, remembered) = await DirectChannelAsync(learner, ct).ConfigureAwait(false);
            if (await AlreadyPostedAsync(channel, attempt, ct).ConfigureAwait(false))
            {
                LogAlreadyPosted(logger, idempotencyKey);
                return;
            }

            try
            {
                await PostAsync(channel, message, idempotencyKey, ct).ConfigureAwait(false);
            }
            catch (SlackApiException ex) when (remembered && ChannelGone.Contains(ex.Error))
            {
                LogChannelGone(logger, channel, ex.Error);
                await ForgetAsync(learner, channel, ct).ConfigureAwait(false);
                (channel, _) = await DirectChannelAsync(learner, ct).ConfigureAwait(false);
                await PostAsync(channel, message, idempotencyKey, ct).ConfigureAwait(false);
            }
        }, cancellationToken).ConfigureAwait(false);
    }

    public Task<DeliveryOutcome> SendToChannelAsync(CommunityId community, string channelId, Reply message, string? idempotencyKey, CancellationToken cancellationToken) =>
        DeliverAsync(ct => PostAsync(channelId, message, idempotencyKey, ct), cancellationToken);

    /// <summary>The learner's DM channel and whether it was remembered (memory or storage) rather than just opened.</summary>
    private async Task<(string Channel, bool Remembered)> DirectChannelAsync(LearnerId learner, CancellationToken cancellationToken)
    {
        if (_dmChannels.TryGetValue(learner.UserId, out var channel))
            return (channel, true);
        if (await channels.GetAsync(learner, cancellationToken).ConfigureAwait(false) is { Length: > 0 } stored)
            return (_dmChannels.GetOrAdd(learner.UserId, stored), true);

        channel = await api.OpenDirectMessageAsync(learner.UserId, cancellationToken).ConfigureAwait(false);
        await channels.SetAsync(learner, channel, cancellationToken).ConfigureAwait(false);
        _dmChannels[learner.UserId] = channel;
        return (channel, false);
    }

    private async Task ForgetAsync(LearnerId learner, string channel, CancellationToken cancellationToken)
    {
        _dmChannels.TryRemove(new KeyValuePair<string, string>(learner.UserId, channel));
        await channels.RemoveAsync(learner, channel, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// True if the attempt may follow one that already posted and the channel's history since the record was written
    /// holds a post tagged with its key.
    /// </summary>
    private async Task<bool> AlreadyPostedAsync(string channel, OutboundAttempt attempt, CancellationToken cancellationToken)
    {
        if (!attempt.MayAlreadyBeSent)
            return false;

        var key = attempt.Key;
        var oldest = attempt.FirstWrittenAt - ClockSkewMargin;
        string? cursor = null;
        try
        {
            for (var page = 0; page < MaxHistoryPages; page++)
            {
                var history = await api.GetDeliveryKeysAsync(channel, oldest, cursor, cancellationToken).ConfigureAwait(false);
                if (history.DeliveryKeys.Contains(key, StringComparer.Ordinal))
                    return true;
                if ((cursor = history.NextCursor) is null)
                    return false;
            }
        }
        catch (SlackApiException ex) when (ex is not SlackRateLimitedException && !ex.IsAuthFailure)
        {
            // A gone channel cannot hold the post; a missing im:history scope must not stop deliveries. Post, and
            // accept the small chance of a duplicate that idempotency could not rule out.
            LogHistoryUnavailable(logger, key, ex.Error);
        }

        return false;
    }

    private async Task PostAsync(string channel, Reply message, string? idempotencyKey, CancellationToken cancellationToken)
    {
        // A message nobody asked for is seen by everyone in the conversation, whatever the reply's visibility.
        var rendered = SlackRenderer.Render(message with { Visibility = ReplyVisibility.Public });
        await api.PostMessageAsync(channel, rendered, null, idempotencyKey, cancellationToken).ConfigureAwait(false);
    }

    private static async Task<DeliveryOutcome> DeliverAsync(Func<CancellationToken, Task> send, CancellationToken cancellationToken)
    {
        try
        {
            await send(cancellationToken).ConfigureAwait(false);
            return DeliveryOutcome.Delivered;
        }
        catch (SlackRateLimitedException ex)
        {
            return DeliveryOutcome.RetryLater("rate_limited", ex.RetryAfter);
        }
        catch (SlackApiException ex) when (Undeliverable.Contains(ex.Error))
        {
            return DeliveryOutcome.Undeliverable(ex.Error);
        }
        catch (SlackApiException ex)
        {
            return DeliveryOutcome.RetryLater(ex.Error);
        }
        catch (HttpRequestException ex)
        {
            return DeliveryOutcome.RetryLater(ex.Message);
        }
        catch (TaskCanceledException ex) when (!cancellationToken.IsCancellationRequested)
        {
            return DeliveryOutcome.RetryLater("timeout: " + ex.Message);
        }
    }

    [LoggerMessage(EventId = 781, Level = LogLevel.Information, Message = "Delivery {Key} was already posted by an earlier attempt; not posting it again")]
    private static partial void LogAlreadyPosted(ILogger logger, string key);

    [LoggerMessage(EventId = 782, Level = LogLevel.Warning, Message = "Could not search Slack history for delivery {Key} ({Error}); posting it, which may duplicate an earlier attempt")]
    private static partial void LogHistoryUnavailable(ILogger logger, string key, string error);

    [LoggerMessage(EventId = 780, Level = LogLevel.Information, Message = "Slack says the remembered DM channel {Channel} is unusable ({Error}); opening the conversation again")]
    private static partial void LogChannelGone(ILogger logger, string channel, string error);
}
