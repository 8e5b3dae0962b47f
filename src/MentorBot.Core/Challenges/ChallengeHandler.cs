using System.Text;
using MentorBot.Core.Delivery;
using MentorBot.Core.Commands;
using MentorBot.Core.Commands.Handlers;
using MentorBot.Core.Learners;

namespace MentorBot.Core.Challenges;

/// <summary><c>/challenge post|list|submit|close</c>: community challenges.</summary>
public sealed class ChallengeHandler(LearnerService learners, ChallengeService challenges, ChallengeAnnouncer? announcer = null) : ICommandHandler
{
    public CommandDefinition Definition { get; } = new("challenge", "Community challenges: list, submit, and for moderators post or close")
    {
        Subcommands =
        [
            new CommandDefinition("post", "Post a new challenge (moderators)")
            {
                ModeratorOnly = true,
                Options =
                [
                    new OptionDefinition("title", "Short title", OptionType.String, Required: true) { MaxLength = ChallengeService.MaxTitleLength, Shape = TextShape.Words },
                    new OptionDefinition("description", "What to build", OptionType.String, Required: true) { MaxLength = ChallengeService.MaxDescriptionLength, Shape = TextShape.Words },
                    new OptionDefinition("due", "Due date, yyyy-MM-dd", OptionType.String, Required: true) { MaxLength = 10, Shape = TextShape.Date },
                ],
                Usage = "/challenge post title:<title> description:<text> due:<yyyy-MM-dd>  or  /challenge post \"<title>\" <text> <yyyy-MM-dd>",
            },
            new CommandDefinition("list", "List the open challenges") { Usage = "/challenge list" },
            new CommandDefinition("submit", "Submit your link to a challenge")
            {
                Options =
                [
                    new OptionDefinition("id", "Challenge number", OptionType.Integer, Required: true) { MinValue = 1 },
                    new OptionDefinition("link", "http(s) link to your work", OptionType.String, Required: true) { MaxLength = ChallengeService.MaxLinkLength },
                ],
                Usage = "/challenge submit id:<number> link:<url>",
            },
            new CommandDefinition("close", "Close a challenge and show its submissions (moderators)")
            {
                ModeratorOnly = true,
                Options = [new OptionDefinition("id", "Challenge number", OptionType.Integer, Required: true) { MinValue = 1 }],
                Usage = "/challenge close id:<number>",
            },
        ],
        Usage = "/challenge list | submit | post | close",
    };

    public async Task<Reply> HandleAsync(CommandRequest request, CancellationToken cancellationToken)
    {
        return request.Subcommand?.ToLowerInvariant() switch
        {
            "post" => await PostAsync(request, cancellationToken).ConfigureAwait(false),
            "list" => await ListAsync(request, cancellationToken).ConfigureAwait(false),
            "submit" => await SubmitAsync(request, cancellationToken).ConfigureAwait(false),
            "close" => await CloseAsync(request, cancellationToken).ConfigureAwait(false),
            _ => Reply.Refusal("Use /challenge list, submit, post or close."),
        };
    }

    private async Task<Reply> PostAsync(CommandRequest request, CancellationToken cancellationToken)
    {
        if (!request.Actor.IsModerator)
            return Reply.Refusal("Only moderators can post challenges.");
        var learner = await learners.GetOrCreateAsync(request.Actor, request.Community, cancellationToken).ConfigureAwait(false);
        var result = await challenges.PostAsync(
            request.Actor, request.Community, learner.TimeZoneId,
            request.Option("title") ?? "", request.Option("description") ?? "", request.Option("due") ?? "", cancellationToken).ConfigureAwait(false);
        if (result.Value is not { } challenge)
            return Reply.Refusal(result.Error!);
        var reply = ChallengeAnnouncer.Compose(challenge);
        // The challenge is stored whatever happens here; a failed announcement only leaves out the note.
        var channel = announcer is null ? null : await announcer.AnnounceAsync(challenge, cancellationToken).ConfigureAwait(false);
        return channel is null ? reply : reply with { Text = reply.Text + $"\n\nAnnounced in <#{channel}>.", ChannelLinks = [channel] };
    }

    private async Task<Reply> ListAsync(CommandRequest request, CancellationToken cancellationToken)
    {
        var open = await challenges.ListOpenAsync(request.Community, cancellationToken).ConfigureAwait(false);
        if (open.Count == 0)
            return new Reply { Title = "Challenges", Text = "There are no open challenges right now.", Visibility = ReplyVisibility.OnlyYou };
        var text = new StringBuilder();
        foreach (var item in open)
        {
            if (text.Length > 0)
                text.Append('\n');
            text.Append("- **#").Append(item.Challenge.Id).Append(' ').Append(item.Challenge.Title).Append("** — due ")
                .Append(Phrases.Date(item.Challenge.Due)).Append(" · ")
                .Append(item.SubmissionCount == 1 ? "1 submission" : $"{item.SubmissionCount} submissions");
        }
        return new Reply
        {
            Title = "Open challenges",
            Text = text.ToString(),
            Footer = "Submit with /challenge submit id:<number> link:<url>",
            Visibility = ReplyVisibility.OnlyYou,
        };
    }

    private async Task<Reply> SubmitAsync(CommandRequest request, CancellationToken cancellationToken)
    {
        await learners.GetOrCreateAsync(request.Actor, request.Community, cancellationToken).ConfigureAwait(false);
        var result = await challenges.SubmitAsync(request.Actor, request.Community, request.Option("id") ?? "", request.Option("link") ?? "", cancellationToken).ConfigureAwait(false);
        if (result.Value is not { } receipt)
            return Reply.Refusal(result.Error!);
        return new Reply
        {
            Kind = ReplyKind.Success,
            Text = receipt.Replaced
                ? $"Updated your submission to challenge #{receipt.Challenge.Id} ({receipt.Challenge.Title})."
                : Phrases.Sentence($"{request.Actor.DisplayName} submitted to challenge #{receipt.Challenge.Id} ({receipt.Challenge.Title}). Good luck!"),
        };
    }

    private async Task<Reply> CloseAsync(CommandRequest request, CancellationToken cancellationToken)
    {
        if (!request.Actor.IsModerator)
            return Reply.Refusal("Only moderators can close challenges.");
        var result = await challenges.CloseAsync(request.Actor, request.Community, request.Option("id") ?? "", cancellationToken).ConfigureAwait(false);
        if (result.Value is not { } closure)
            return Reply.Refusal(result.Error!);
        var text = new StringBuilder();
        if (closure.Submissions.Count == 0)
            text.Append("No one submitted this time.");
        foreach (var submission in closure.Submissions)
        {
            if (text.Length > 0)
                text.Append('\n');
            text.Append("- **").Append(submission.DisplayName).Append("**: ").Append(submission.Link);
        }
        return new Reply
        {
            Kind = ReplyKind.Success,
            Title = $"Challenge #{closure.Challenge.Id} closed: {closure.Challenge.Title}",
            Text = text.ToString(),
            Footer = closure.Submissions.Count == 1 ? "1 submission" : $"{closure.Submissions.Count} submissions",
        };
    }
}
