using System.Globalization;
using MentorBot.Core.Commands;
using MentorBot.Core.Commands.Handlers;
using MentorBot.Core.Learners;

namespace MentorBot.Core.Subscriptions;

/// <summary><c>/subscribe [day] [time] [timezone]</c>: weekly delivery of the roadmap task.</summary>
public sealed class SubscribeHandler(LearnerService learners, SubscriptionService subscriptions) : ICommandHandler
{
    public CommandDefinition Definition { get; } = new("subscribe", "Get your roadmap task every week at a day and time you choose")
    {
        Personal = true,
        Options =
        [
            new OptionDefinition("day", "Day of the week (default monday)", OptionType.String)
            {
                Choices = [.. new[] { "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday" }.Select(d => new OptionChoice(d, d))],
            },
            new OptionDefinition("time", "Time as HH:mm, 24-hour (default 09:00)", OptionType.String) { MaxLength = 8 },
            new OptionDefinition("timezone", "IANA time zone, e.g. Europe/Berlin (default: yours or UTC)", OptionType.String) { MaxLength = 64 },
        ],
        Usage = "/subscribe [day] [time] [timezone]",
    };

    public async Task<Reply> HandleAsync(CommandRequest request, CancellationToken cancellationToken)
    {
        var learner = await learners.GetOrCreateAsync(request.Actor, request.Community, cancellationToken).ConfigureAwait(false);
        var result = await subscriptions.SubscribeAsync(
            learner, request.Community, request.Option("day"), request.Option("time"), request.Option("timezone"), cancellationToken).ConfigureAwait(false);
        if (result.Value is not { } receipt)
            return Reply.Refusal(result.Error!);

        var subscription = receipt.Subscription;
        return new Reply
        {
            Kind = ReplyKind.Success,
            Text = $"Subscribed! You'll get your roadmap task every {subscription.Day} at {subscription.Time:HH\\:mm} ({subscription.TimeZoneId}).",
            Fields = DeliveryFields.For(receipt),
            Footer = "Change it any time with /subscribe, or stop with /unsubscribe.",
            Visibility = ReplyVisibility.OnlyYou,
        };
    }
}

/// <summary>Shows the next delivery in both the learner's zone and UTC so a wrong zone is easy to spot.</summary>
internal static class DeliveryFields
{
    public static IReadOnlyList<ReplyField> For(SubscriptionReceipt receipt) =>
    [
        new ReplyField("Next delivery", receipt.NextDeliveryLocal.ToString("ddd yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) + $" {receipt.Subscription.TimeZoneId}", Inline: true),
        new ReplyField("In UTC", receipt.NextDeliveryUtc.ToString("ddd yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) + " UTC", Inline: true),
    ];
}
