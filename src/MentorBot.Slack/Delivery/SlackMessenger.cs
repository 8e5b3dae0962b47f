using System.Collections.Concurrent;
using MentorBot.Core.Commands;
using MentorBot.Core.Delivery;
using MentorBot.Core.Identity;
using MentorBot.Slack.Rendering;
using MentorBot.Slack.WebApi;

namespace MentorBot.Slack.Delivery;

/// <summary>
/// Sends unrequested messages (weekly tasks, announcements) to Slack. A DM needs <c>conversations.open</c> first, a
/// Tier 3 method, so the DM channel id is remembered. It is kept in memory: after a restart the first DM to each
/// learner opens the conversation again.
/// </summary>
public sealed class SlackMessenger(SlackApiClient api) : IOutboundMessenger
{
    private static readonly HashSet<string> Undeliverable = new(StringComparer.Ordinal)
    {
        "user_not_found", "cannot_dm_bot", "channel_not_found", "user_disabled", "user_not_visible",
        "is_archived", "not_in_channel", "account_inactive", "messages_tab_disabled", "restricted_action",
    };

    private readonly ConcurrentDictionary<string, string> _dmChannels = new(StringComparer.Ordinal);

    public string Platform => "slack";

    public async Task<DeliveryOutcome> SendDirectAsync(LearnerId learner, Reply message, string? idempotencyKey, CancellationToken cancellationToken)
    {
        if (learner.Platform != Platform)
            return DeliveryOutcome.Undeliverable($"{learner} is not a Slack user.");
        return await DeliverAsync(async ct =>
        {
            if (!_dmChannels.TryGetValue(learner.UserId, out var channel))
            {
                channel = await api.OpenDirectMessageAsync(learner.UserId, ct);
                _dmChannels[learner.UserId] = channel;
            }

            await PostAsync(channel, message, ct);
        }, cancellationToken);
    }

    public Task<DeliveryOutcome> SendToChannelAsync(CommunityId community, string channelId, Reply message, string? idempotencyKey, CancellationToken cancellationToken) =>
        DeliverAsync(ct => PostAsync(channelId, message, ct), cancellationToken);

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
}
