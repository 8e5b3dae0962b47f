using System.Text;
using MentorBot.Core.Faq.QuestionLog;
using MentorBot.Core.Knowledge;
using MentorBot.Core.Commands;
using MentorBot.Core.Commands.Handlers;

namespace MentorBot.Core.Faq;

/// <summary>
/// <c>/faq [question]</c>: answers from the knowledge base, or lists the topics. With the question log on, each
/// question is logged, answers carry Helpful / Not helpful buttons (a click comes back as <c>/faq</c> with
/// <see cref="VoteOption"/> and the logged question's id), and "Did you mean…" buttons carry that id so the click
/// is recorded as the entry the learner meant.
/// </summary>
public sealed class FaqHandler(IFaqService faq, IKnowledgeProvider knowledge, FaqQuestionLog? questionLog = null) : ICommandHandler
{
    public const int MaxQuestionLength = 300;

    /// <summary>A rating click: <c>up</c> or <c>down</c>, with <see cref="FollowUp.QuestionLogOption"/> naming the question.</summary>
    public const string VoteOption = "vote";

    /// <summary>On a rating click, the entry rated when it is not the one the question was answered with (a suggestion's).</summary>
    public const string EntryOption = "entry";

    public const string Helpful = "Helpful";

    public const string NotHelpful = "Not helpful";

    private const int MaxFollowUps = 3;

    // Discord's custom ids hold 100 characters: "mb1|faq|entry=<id>|q=<26>|vote=down" leaves 47 for an entry id.
    // Longer ids (none ship) get buttons without the log context rather than no buttons.
    private const int MaxContextEntryIdLength = 44;

    public CommandDefinition Definition { get; } = new("faq", "Ask a question about learning backend development")
    {
        Options =
        [
            new OptionDefinition("question", "What you want to know, e.g. do I need a degree", OptionType.String)
            {
                Autocomplete = true,
                MaxLength = MaxQuestionLength,
                Shape = TextShape.Words,
            },
        ],
        Usage = "/faq [question]",
        // The FAQ index is built once per knowledge snapshot; a question is a few microseconds of CPU over it.
        AnswersFromMemory = true,
    };

    public Task<Reply> HandleAsync(CommandRequest request, CancellationToken cancellationToken)
    {
        if (request.Option(VoteOption) is { } vote)
            return VoteAsync(request, vote, cancellationToken);
        var kb = knowledge.Current;
        var question = request.Option("question");
        if (question is null)
            return Task.FromResult(Topics(kb));
        var result = faq.Ask(question);
        if (questionLog is not { Enabled: true })
            return Task.FromResult(Answer(kb, result, null));

        // A "Did you mean…" click: not a new question, but the learner telling us what the earlier one meant.
        if (request.Option(FollowUp.QuestionLogOption) is { } earlier && QuestionIds.IsValid(earlier))
        {
            if (result.Entry is { } chosen)
                questionLog.RecordChoice(request, earlier, chosen.Id);
            return Task.FromResult(Answer(kb, result, earlier, rated: result.Entry?.Id));
        }
        var id = questionLog.Log(request, question, result, kb);
        return Task.FromResult(Answer(kb, result, id));
    }

    private async Task<Reply> VoteAsync(CommandRequest request, string vote, CancellationToken cancellationToken)
    {
        var helpful = vote.Equals("up", StringComparison.OrdinalIgnoreCase);
        if (!helpful && !vote.Equals("down", StringComparison.OrdinalIgnoreCase))
            return Reply.Refusal("A rating is up or down. Nothing was recorded.");
        if (questionLog is null)
            return Reply.Refusal("Feedback on answers is not being collected here. Nothing was recorded.");
        // Questions answer from memory on the caller's thread (CommandDefinition.AnswersFromMemory); a vote is a
        // storage round trip, so it leaves that thread first.
        await Task.Yield();
        return await questionLog.VoteAsync(request, request.Option(FollowUp.QuestionLogOption), helpful, request.Option(EntryOption), cancellationToken)
            .ConfigureAwait(false);
    }

    private static Reply Topics(KnowledgeBase kb)
    {
        if (kb.Faq.Count == 0)
            return new Reply { Text = "I don't have any FAQ topics loaded yet.", Visibility = ReplyVisibility.OnlyYou };
        var text = new StringBuilder("Ask me anything with `/faq <question>`, or pick a topic:\n");
        foreach (var entry in kb.Faq.OrderBy(e => e.Title, StringComparer.OrdinalIgnoreCase))
            text.Append("\n- **").Append(entry.Title).Append("** (`").Append(entry.Id).Append("`)");
        return new Reply { Title = "FAQ topics", Text = text.ToString(), Visibility = ReplyVisibility.OnlyYou };
    }

    /// <param name="questionId">The logged question the reply's buttons refer to; null when the log is off.</param>
    /// <param name="rated">The entry a rating is about when it differs from the question's own answer (a suggestion's).</param>
    private static Reply Answer(KnowledgeBase kb, FaqResult result, string? questionId, string? rated = null)
    {
        if (result.SmallTalk is { } smallTalk)
            return SmallTalkReply(smallTalk);
        if (result.Entry is not { } entry)
            return NotSure(result, questionId);

        var (body, sources) = SplitSources(entry.Answer);
        sources ??= entry.Sources.Count > 0 ? "Sources: " + string.Join(", ", entry.Sources) : null;
        var related = entry.Related
            .Select(kb.FindFaq)
            .OfType<FaqEntry>()
            .Where(r => !string.Equals(r.Id, entry.Id, StringComparison.OrdinalIgnoreCase))
            .Take(MaxFollowUps)
            .Select(r => FollowUp.Faq(r.Title, r.Id))
            .ToList();
        if (questionId is not null && (rated is null || rated.Length <= MaxContextEntryIdLength))
        {
            related.Add(Rating(Helpful, "up", questionId, rated));
            related.Add(Rating(NotHelpful, "down", questionId, rated));
        }
        return new Reply
        {
            Kind = ReplyKind.Answer,
            Title = entry.Title,
            Text = body,
            Footer = sources,
            FollowUps = related,
        };
    }

    private static Reply SmallTalkReply(SmallTalkKind kind)
    {
        const string Intro = "I'm MentorBot, a mentor for people learning backend development. Ask me a career or learning question with `/faq`, get a weekly roadmap task with `/subscribe`, and keep a streak with `/checkin`. `/help` lists every command.";
        var text = kind switch
        {
            SmallTalkKind.Greeting => "Hi! " + Intro,
            SmallTalkKind.Thanks => "You're welcome! Good luck with the learning. Ask again any time with `/faq`.",
            SmallTalkKind.Farewell => "See you! Keep the streak going with `/checkin`.",
            SmallTalkKind.Capabilities => Intro + " Try `/faq do I need a degree`.",
            _ => Intro,
        };
        return new Reply
        {
            Text = text,
            Visibility = ReplyVisibility.OnlyYou,
            FollowUps = [new FollowUp("List FAQ topics", "faq", new Dictionary<string, string>()), new FollowUp("All commands", "help", new Dictionary<string, string>())],
        };
    }

    private static FollowUp Rating(string label, string vote, string questionId, string? entryId)
    {
        var options = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
        {
            [VoteOption] = vote,
            [FollowUp.QuestionLogOption] = questionId,
        };
        if (entryId is not null)
            options[EntryOption] = entryId;
        return new FollowUp(label, "faq", options) { Rates = true };
    }

    private static FollowUp Suggestion(FaqEntry entry, string? questionId)
    {
        var followUp = FollowUp.Faq(entry.Title, entry.Id);
        if (questionId is null || entry.Id.Length > MaxContextEntryIdLength)
            return followUp;
        var options = new Dictionary<string, string>(followUp.Options, StringComparer.OrdinalIgnoreCase) { [FollowUp.QuestionLogOption] = questionId };
        return followUp with { Options = options };
    }

    private static Reply NotSure(FaqResult result, string? questionId)
    {
        if (result.NotEnglish)
        {
            return Reply.Refusal("I answer in English only, sorry. Could you ask again in English?" + (result.Suggestions.Count > 0 ? " Or did you mean one of these?" : "")) with
            {
                FollowUps = result.Suggestions.Count > 0
                    ? [.. result.Suggestions.Take(MaxFollowUps).Select(s => Suggestion(s, questionId))]
                    : [new FollowUp("List FAQ topics", "faq", new Dictionary<string, string>())],
            };
        }

        if (result.Suggestions.Count == 0)
        {
            return Reply.Refusal("I don't have a confident answer to that yet. Try `/faq` to see the topics I know.") with
            {
                FollowUps = [new FollowUp("List FAQ topics", "faq", new Dictionary<string, string>())],
            };
        }
        return Reply.Refusal("I don't have a confident answer to that yet. Did you mean one of these?") with
        {
            FollowUps = [.. result.Suggestions.Take(MaxFollowUps).Select(s => Suggestion(s, questionId))],
        };
    }

    // Knowledge files end answers with a "Sources:" line; it belongs in the footer, not the body.
    internal static (string Body, string? Sources) SplitSources(string answer)
    {
        var trimmed = answer.TrimEnd();
        var lastBreak = trimmed.LastIndexOf('\n');
        var lastLine = trimmed[(lastBreak + 1)..].Trim();
        var plain = lastLine.Replace("*", "", StringComparison.Ordinal).Replace("_", "", StringComparison.Ordinal).TrimStart();
        if (!plain.StartsWith("Sources:", StringComparison.OrdinalIgnoreCase) && !plain.StartsWith("Source:", StringComparison.OrdinalIgnoreCase))
            return (trimmed, null);
        var body = lastBreak < 0 ? "" : trimmed[..lastBreak].TrimEnd();
        return (body, lastLine.Replace("**", "", StringComparison.Ordinal));
    }
}
