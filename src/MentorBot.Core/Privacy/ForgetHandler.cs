using System.Globalization;
using System.Text;
using MentorBot.Core.Commands;
using MentorBot.Core.Commands.Handlers;

namespace MentorBot.Core.Privacy;

/// <summary>
/// <c>/forget</c> asks, <c>/forget confirm</c> (or the button) erases, within <see cref="PrivacyService.ConfirmationWindow"/>.
/// It takes no user option: it only ever erases the person who runs it, moderators included.
/// </summary>
public sealed class ForgetHandler(PrivacyService privacy) : ICommandHandler
{
    public const string ConfirmWord = "confirm";

    public CommandDefinition Definition { get; } = new("forget", "Delete everything MentorBot stores about you (asks first)")
    {
        Options =
        [
            new OptionDefinition(ConfirmWord, "Type confirm to go ahead after /forget", OptionType.String)
            {
                // A choice, so Discord offers the one word instead of a free text box.
                Choices = [new OptionChoice(ConfirmWord, ConfirmWord)],
            },
        ],
        Personal = true,
        Usage = "/forget [confirm]",
    };

    public async Task<Reply> HandleAsync(CommandRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var confirm = request.Option(ConfirmWord);
        if (confirm is null)
            return await AskAsync(request, cancellationToken).ConfigureAwait(false);
        if (!string.Equals(confirm, ConfirmWord, StringComparison.OrdinalIgnoreCase))
            return Reply.Refusal($"To delete your data, run `/forget` and then `/forget {ConfirmWord}`. Nothing was deleted.");

        var outcome = await privacy.ConfirmAsync(request.Actor.Id, request.Community, cancellationToken).ConfigureAwait(false);
        return outcome.Status switch
        {
            ForgetStatus.Done => Done(outcome.Erased),
            ForgetStatus.Expired => Reply.Refusal(
                $"That confirmation came more than {Minutes} minutes after `/forget`, so nothing was deleted. Run `/forget` again to start over."),
            _ => Reply.Refusal($"Run `/forget` first: it says what will be deleted, then `/forget {ConfirmWord}` goes ahead. Nothing was deleted."),
        };
    }

    private static int Minutes => (int)PrivacyService.ConfirmationWindow.TotalMinutes;

    private async Task<Reply> AskAsync(CommandRequest request, CancellationToken cancellationToken)
    {
        await privacy.RequestAsync(request.Actor.Id, cancellationToken).ConfigureAwait(false);
        var text = new StringBuilder("This deletes everything MentorBot stores about you:");
        foreach (var phrase in privacy.Describes)
            text.Append("\n- ").Append(phrase).Append('.');
        text.Append(CultureInfo.InvariantCulture, $"\n\nIt cannot be undone; `/mydata` downloads a copy first. Run `/forget {ConfirmWord}` within {Minutes} minutes to go ahead.");
        return new Reply
        {
            Title = "Delete your data?",
            Text = text.ToString(),
            Visibility = ReplyVisibility.OnlyYou,
            FollowUps =
            [
                new FollowUp("Yes, delete my data", "forget",
                    new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase) { [ConfirmWord] = ConfirmWord }),
            ],
        };
    }

    private static Reply Done(IReadOnlyList<ErasedData> erased)
    {
        var text = new StringBuilder();
        foreach (var item in erased)
        {
            text.Append(text.Length == 0 ? "- " : "\n- ").Append(Phrases.Sentence($"{item.What}: {item.Deleted} deleted"));
            if (item.Anonymised > 0)
                text.Append(CultureInfo.InvariantCulture, $"; {item.Anonymised} kept on closed challenges as \"{FormerLearner.DisplayName}\", without your name or link");
            text.Append('.');
        }
        if (erased.All(e => e.Deleted == 0 && e.Anonymised == 0))
            text.Append("\n\nMentorBot had nothing stored about you, so nothing changed.");
        return new Reply
        {
            Kind = ReplyKind.Success,
            Title = "Your data is deleted",
            Text = text.ToString(),
            Footer = "If you use MentorBot again, it starts afresh.",
            Visibility = ReplyVisibility.OnlyYou,
        };
    }
}
