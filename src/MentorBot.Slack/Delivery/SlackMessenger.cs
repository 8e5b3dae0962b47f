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
public sealed partial class SlackMessenger(SlackApiClient api, IDirectChannelStore channels, ILogger<SlackMessenger> logger) : IOutboundMessenger
{
    private static readonly HashSet<string> Undeliverable = new(StringComparer.Ordinal)
    {
        "user_not_found", "cannot_dm_bot", "channel_not_found", "user_disabled", "user_not_visible",
        "is_archived", "not_in_channel", "account_inactive", "messages_tab_disabled", "restricted_action",
    };

    // What chat.postMessage answers for a DM channel id that no longer leads anywhere; opening the DM again fixes it.
    private static readonly HashSet<string> ChannelGone = new(StringComparer.Ordinal) { "channel_not_found", "is_archived" };

    private readonly ConcurrentDictionary<string, string> _dmChannels = new(StringComparer.Ordinal);

    public string Platform => "slack";

    public async Task<DeliveryOutcome> SendDirectAsync(LearnerId learner, Reply message, string? idempotencyKey, CancellationToken cancellationToken)
    {
        if (learner.Platform != Platform)
            return DeliveryOutcome.Undeliverable($"{learner} is not a Slack user.");
        return await DeliverAsync(async ct =>
        {
            var (channel, remembered) = await DirectChannelAsync(learner, ct);
            try
            {
                await PostAsync(channel, message, ct);
            }
            catch (SlackApiException ex) when (remembered && ChannelGone.Contains(ex.Error))
            {
                LogChannelGone(logger, channel, ex.Error);
                await ForgetAsync(learner, channel, ct);
                (channel, _) = await DirectChannelAsync(learner, ct);
                await PostAsync(channel, message, ct);
            }
        }, cancellationToken);
    }

    public Task<DeliveryOutcome> SendToChannelAsync(CommunityId community, string channelId, Reply message, string? idempotencyKey, CancellationToken cancellationToken) =>
        DeliverAsync(ct => PostAsync(channelId, message, ct), cancellationToken);

    /// <summary>The learner's DM channel and whether it was remembered (memory or storage) rather than just opened.</summary>
    private async Task<(string Channel, bool Remembered)> DirectChannelAsync(LearnerId learner, CancellationToken cancellationToken)
    {
        if (_dmChannels.TryGetValue(learner.UserId, out var channel))
            return (channel, true);
        if (await channels.GetAsync(learner, cancellationToken) is { Length: > 0 } stored)
            return (_dmChannels.GetOrAdd(learner.UserId, stored), true);

        channel = await api.OpenDirectMessageAsync(learner.UserId, cancellationToken);
        await channels.SetAsync(learner, channel, cancellationToken);
        _dmChannels[learner.UserId] = channel;
        return (channel, false);
    }

    private async Task ForgetAsync(LearnerId learner, string channel, CancellationToken cancellationToken)
    {
        _dmChannels.TryRemove(new KeyValuePair<string, string>(learner.UserId, channel));
        await channels.RemoveAsync(learner, channel, cancellationToken);
    }

    private async Task PostAsync(string channel, Reply message, CancellationToken cancellationToken)
    {
        // A message nobody asked for is seen by everyone in the conversation, whatever the reply's visibility.
        var rendered = SlackRenderer.Render(message with { Visibility = ReplyVisibility.Public });
        await api.PostMessageAsync(channel, rendered, null, cancellationToken);
    }

    private static async Task<DeliveryOutcome> DeliverAsync(Func<CancellationToken, Task> send, CancellationToken cancellationToken)
    {
        try
        {
            await send(cancellationToken);
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

    [LoggerMessage(EventId = 780, Level = LogLevel.Information, Message = "Slack says the remembered DM channel {Channel} is unusable ({Error}); opening the conversation again")]
    private static partial void LogChannelGone(ILogger logger, string channel, string error);
}
