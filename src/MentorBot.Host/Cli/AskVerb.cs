using System.Text.Json;
using MentorBot.Core.Faq;

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
        {
            var explanation = service.Explain(question);
            console.Out.WriteLine($"terms: {string.Join(' ', explanation.Terms)}");
            foreach (var c in explanation.Candidates)
                console.Out.WriteLine(FormattableString.Invariant($"  {c.Id,-24} score {c.Score:0.000}  phrasing {c.Phrasing:0.000}  lexical {c.Lexical:0.000}  coverage {c.Coverage:0.000}"));
        }

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
            var line = new AskJsonLine(question, result.Entry?.Id, result.Confidence, result.Suggestions.Select(s => s.Id).ToArray());
            console.Out.WriteLine(JsonSerializer.Serialize(line, AskJsonContext.Default.AskJsonLine));
            return;
        }

        if (result.Entry is { } entry)
        {
            console.Out.WriteLine($"{entry.Title}  [{entry.Id}, confidence {result.Confidence:0.00}]");
            console.Out.WriteLine();
            console.Out.WriteLine(entry.Answer);
            return;
        }

        console.Out.WriteLine($"No confident answer (confidence {result.Confidence:0.00}).");
        foreach (var suggestion in result.Suggestions)
            console.Out.WriteLine($"  Did you mean: {suggestion.Title}  [{suggestion.Id}]");
    }
}
