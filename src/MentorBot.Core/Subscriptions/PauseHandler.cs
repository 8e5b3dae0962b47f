using MentorBot.Core.Commands;
using MentorBot.Core.Commands.Handlers;

namespace MentorBot.Core.Subscriptions;

/// <summary><c>/pause until:DATE</c>: skips weekly deliveries before a date.</summary>
public sealed class PauseHandler(SubscriptionService subscriptions) : ICommandHandler
{
    public CommandDefinition Definition { get; } = new("pause", "Pause weekly task messages until a date")
    {
        Personal = true,
        Options = [new OptionDefinition("until", "First date to deliver again, yyyy-MM-dd", OptionType.String, Required: true) { MaxLength = 10, Shape = TextShape.Date }],
        Usage = "/pause until:<yyyy-MM-dd>",
    };

    public async Task<Reply> HandleAsync(CommandRequest request, CancellationToken cancellationToken)
    {
        var result = await subscriptions.PauseAsync(request.Actor.Id, request.Option("until"), cancellationToken).ConfigureAwait(false);
        if (result.Value is not { } receipt)
            return Reply.Refusal(result.Error!);
        return new Reply
        {
            Kind = ReplyKind.Success,
            Text = $"Paused. Deliveries resume on {Phrases.Date(receipt.Subscription.PausedUntil!.Value)}.",
            Fields = DeliveryFields.For(receipt),
            Visibility = ReplyVisibility.OnlyYou,
        };
    }
}
