using System.Text;
using MentorBot.Core.Faq;
using MentorBot.Core.Knowledge;
using MentorBot.Core.Commands;
using MentorBot.Core.Commands.Handlers;

namespace MentorBot.Core.Faq;

/// <summary><c>/faq [question]</c>: answers from the knowledge base, or lists the topics.</summary>
public sealed class FaqHandler(IFaqService faq, IKnowledgeProvider knowledge) : ICommandHandler
{
    public const int MaxQuestionLength = 300;

    private const int MaxFollowUps = 3;

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
        var kb = knowledge.Current;
        var question = request.Option("question");
        var reply = question is null ? Topics(kb) : Answer(kb, faq.Ask(question));
        return Task.FromResult(reply);
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

    private static Reply Answer(KnowledgeBase kb, FaqResult result)
    {
        if (result.SmallTalk is { } smallTalk)
            return SmallTalkReply(smallTalk);
        if (result.Entry is not { } entry)
            return NotSure(result);

        var (body, sources) = SplitSources(entry.Answer);
        sources ??= entry.Sources.Count > 0 ? "Sources: " + string.Join(", ", entry.Sources) : null;
        var related = entry.Related
            .Select(kb.FindFaq)
            .OfType<FaqEntry>()
            .Where(r => !string.Equals(r.Id, entry.Id, StringComparison.OrdinalIgnoreCase))
            .Take(MaxFollowUps)
            .Select(r => FollowUp.Faq(r.Title, r.Id))
            .ToList();
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

    private static Reply NotSure(FaqResult result)
    {
        if (result.NotEnglish)
        {
            return Reply.Refusal("I answer in English only, sorry. Could you ask again in English?" + (result.Suggestions.Count > 0 ? " Or did you mean one of these?" : "")) with
            {
                FollowUps = result.Suggestions.Count > 0
                    ? [.. result.Suggestions.Take(MaxFollowUps).Select(s => FollowUp.Faq(s.Title, s.Id))]
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
            FollowUps = [.. result.Suggestions.Take(MaxFollowUps).Select(s => FollowUp.Faq(s.Title, s.Id))],
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
