using System.Text.Json;
using MentorBot.Core.Faq;
using MentorBot.Core.Text;

namespace MentorBot.Host.Cli;

/// <summary><c>ask "QUESTION" [--json]</c>: one answer, or JSON lines for a stream of questions on stdin.</summary>
internal static class AskVerb
{
    public static int Run(IFaqService faq, string[] args, CliConsole console)
    {
        var json = args.Contains("--json", StringComparer.Ordinal);
        var explain = args.Contains("--explain", StringComparer.Ordinal);
        var question = string.Join(' ', args.Where(a => a is not ("--json" or "--explain"))).Trim();
        if (explain && faq is FaqService service && question.Length > 0)
            Explain(service, question, console);

        if (question.Length > 0)
        {
            Write(faq, question, json, console);
            return 0;
        }

        if (!json)
        {
            console.Error.WriteLine("ask needs a question, e.g. ask \"do I need a degree\", or --json to read questions from stdin.");
            return 2;
        }

        while (console.In.ReadLine() is { } line)
        {
            if (!string.IsNullOrWhiteSpace(line))
                Write(faq, line.Trim(), json: true, console);
        }

        return 0;
    }

    private static void Write(IFaqService faq, string question, bool json, CliConsole console)
    {
        var result = faq.Ask(question);
        if (json)
        {
            var line = new AskJsonLine(question, result.Entry?.Id, result.Confidence, result.Suggestions.Select(s => s.Id).ToArray(),
                result.SmallTalk is { } kind ? kind.ToString().ToLowerInvariant() : null, result.NotEnglish);
            console.Out.WriteLine(JsonSerializer.Serialize(line, AskJsonContext.Default.AskJsonLine));
            return;
        }

        if (result.Entry is { } entry)
        {
            console.Out.WriteLine($"{entry.Title}  [{entry.Id}, confidence {result.Confidence:0.00}]");
            console.Out.WriteLine();
            // Answers are written in the Markdown subset chat renderers understand; a terminal shows it as plain text.
            console.Out.WriteLine(PlainTextRenderer.Strip(entry.Answer));
            return;
        }

        if (result.SmallTalk is { } smallTalk)
        {
            console.Out.WriteLine($"Small talk ({smallTalk.ToString().ToLowerInvariant()}), not a FAQ question.");
            return;
        }

        console.Out.WriteLine(result.NotEnglish
            ? $"No confident answer (confidence {result.Confidence:0.00}); the question looks like another language, and I answer in English."
            : $"No confident answer (confidence {result.Confidence:0.00}).");
        foreach (var suggestion in result.Suggestions)
            console.Out.WriteLine($"  Did you mean: {suggestion.Title}  [{suggestion.Id}]");
    }

    private static void Explain(FaqService service, string question, CliConsole console)
    {
        var ranking = service.Explain(question);
        console.Out.WriteLine(service.Semantic ? $"model: {service.ModelId}" : "model: none (lexical matching only)");
        console.Out.WriteLine($"terms: {string.Join(' ', ranking.Terms)}");
        console.Out.WriteLine("lexical ranker:");
        foreach (var c in ranking.Lexical)
            console.Out.WriteLine(FormattableString.Invariant($"  {c.Entry.Id,-24} confidence {c.Score:0.000}"));
        if (service.Semantic)
        {
            console.Out.WriteLine(ranking.Focus.Count == 0 ? "semantic ranker:" : "semantic ranker (each entry's best of the whole message and its question sentences):");
            foreach (var sentence in ranking.Focus)
                console.Out.WriteLine($"  also matched alone: \"{sentence}\"");
            foreach (var c in ranking.Semantic)
                console.Out.WriteLine(FormattableString.Invariant($"  {c.Entry.Id,-24} cosine {c.Score:0.000}"));
            if (ranking.ClosestOffTopic is { } offTopic)
                console.Out.WriteLine(FormattableString.Invariant($"  closest off-topic example: \"{offTopic.Example}\" cosine {offTopic.Cosine:0.000}"));
        }

        console.Out.WriteLine("fused:");
        foreach (var c in ranking.Fused)
        {
            var s = c.Signals!;
            console.Out.WriteLine(FormattableString.Invariant(
                $"  {c.Entry.Id,-24} fused {c.Score:0.000}  p {c.Probability:0.000}  cosine {s.Cosine:0.000} (margin {s.CosineMargin:+0.000;-0.000})  lexical {s.Lexical:0.000} (margin {s.LexicalMargin:+0.000;-0.000})  agree {(s.Agree ? "yes" : "no")}  off-topic {(s.OffTopic ? "yes" : "no")}  in-scope {(s.InScope ? "yes" : "no")}  unknown {s.Unknown:0.00}  off-topic example {s.OffTopicMargin:+0.000;-0.000}"));
        }

        console.Out.WriteLine($"decision: {ranking.Decision}");
        console.Out.WriteLine();
    }
}
