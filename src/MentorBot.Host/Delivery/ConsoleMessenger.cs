using MentorBot.Core.Commands;
using MentorBot.Core.Delivery;
using MentorBot.Core.Identity;
using MentorBot.Core.Text;
using MentorBot.Host.Console;

namespace MentorBot.Host.Delivery;

/// <summary>
/// The console's outbound messages: printed to the console adapter's output between replies, under a label line
/// so they cannot be mistaken for the answer to the last command.
/// </summary>
internal sealed class ConsoleMessenger(ConsoleStreams streams) : IOutboundMessenger
{
    public const string DirectLabel = "[weekly task for you]";
    public const string ChannelLabel = "[announcement]";

    public string Platform => ConsoleAdapter.Community.Platform;

    public Task<DeliveryOutcome> SendDirectAsync(LearnerId learner, Reply message, OutboundAttempt attempt, CancellationToken cancellationToken)
    {
        if (!string.Equals(learner.Platform, Platform, StringComparison.OrdinalIgnoreCase))
            return Task.FromResult(DeliveryOutcome.Undeliverable($"{learner} is not a console learner."));
        return Task.FromResult(Write(DirectLabel, message));
    }

    public Task<DeliveryOutcome> SendToChannelAsync(CommunityId community, string channelId, Reply message, string? idempotencyKey, CancellationToken cancellationToken) =>
        Task.FromResult(Write(ChannelLabel, message));

    private DeliveryOutcome Write(string label, Reply message)
    {
        ArgumentNullException.ThrowIfNull(message);
        streams.WriteMessage($"{label}\n{PlainTextRenderer.Render(message)}\n\n");
        return DeliveryOutcome.Delivered;
    }
}
