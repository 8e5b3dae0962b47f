using MentorBot.Core.Commands;
using MentorBot.Core.Commands.Handlers;

namespace MentorBot.Core.Subscriptions;

/// <summary><c>/unsubscribe</c>: stops weekly deliveries.</summary>
public sealed class UnsubscribeHandler(SubscriptionService subscriptions) : ICommandHandler
{
    public CommandDefinition Definition { get; } = new("unsubscribe", "Stop the weekly roadmap task messages")
    {
        Personal = true,
        Usage = "/unsubscribe",
    };

    public async Task<Reply> HandleAsync(CommandRequest request, CancellationToken cancellationToken)
    {
        var removed = await subscriptions.UnsubscribeAsync(request.Actor.Id, cancellationToken).ConfigureAwait(false);
        return removed
            ? new Reply { Kind = ReplyKind.Success, Text = "Unsubscribed. You won't get weekly tasks any more; /subscribe brings them back.", Visibility = ReplyVisibility.OnlyYou }
            : new Reply { Text = "You weren't subscribed, so nothing changed.", Visibility = ReplyVisibility.OnlyYou };
    }
}
