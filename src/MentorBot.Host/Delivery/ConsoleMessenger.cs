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
internal sealed class ConsoleMessenger(ConsoleStreams streams) : IOutboundMessenger, IDisposable
{
    public const string DirectLabel = "[weekly task for you]";
    public const string ChannelLabel = "[announcement]";

    // The adapter writes replies on its own; one lock here keeps two outbound messages from interleaving.
    private readonly SemaphoreSlim _gate = new(1, 1);

    public string Platform => ConsoleAdapter.Community.Platform;

    public Task<DeliveryOutcome> SendDirectAsync(LearnerId learner, Reply message, string? idempotencyKey, CancellationToken cancellationToken)
    {
        if (!string.Equals(learner.Platform, Platform, StringComparison.OrdinalIgnoreCase))
            return Task.FromResult(DeliveryOutcome.Undeliverable($"{learner} is not a console learner."));
        return WriteAsync(DirectLabel, message, cancellationToken);
    }

    public Task<DeliveryOutcome> SendToChannelAsync(CommunityId community, string channelId, Reply message, string? idempotencyKey, CancellationToken cancellationToken) =>
        WriteAsync(ChannelLabel, message, cancellationToken);

    private async Task<DeliveryOutcome> WriteAsync(string label, Reply message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        // One write per message, so a reply printed at the same moment cannot land inside it.
        var text = $"{label}\n{PlainTextRenderer.Render(message)}\n\n";
        await _gate.WaitAsync(cancellationToken);
        try
        {
            await streams.Out.WriteAsync(text.AsMemory(), cancellationToken);
            await streams.Out.FlushAsync(cancellationToken);
        }
        finally
        {
            _gate.Release();
        }
        return DeliveryOutcome.Delivered;
    }

    public void Dispose() => _gate.Dispose();
}
