using System.Globalization;
using MentorBot.Core.Faq;

namespace MentorBot.Host.Cli;

/// <summary><c>faq eval FILE</c>: in-scope top-1 accuracy, off-topic decline rate and every miss.</summary>
internal static class FaqEvalVerb
{
    public static int Run(IFaqService faq, string file, bool signals, CliConsole console)
    {
        if (signals && faq is FaqService service && File.Exists(file))
            WriteSignals(service, file, console);

        if (!File.Exists(file))
        {
            console.Error.WriteLine($"No such file: {file}");
            return 2;
        }

        var report = FaqEvaluation.Run(faq, File.ReadLines(file));
        var inv = CultureInfo.InvariantCulture;
        console.Out.WriteLine(string.Create(inv, $"in-scope top-1 accuracy: {report.InScopeCorrect}/{report.InScopeTotal} = {report.InScopeAccuracy:P1}"));
        console.Out.WriteLine(string.Create(inv, $"off-topic decline rate:  {report.OffTopicDeclined}/{report.OffTopicTotal} = {report.DeclineRate:P1}"));
        if (report.Misses.Count == 0)
        {
            console.Out.WriteLine("misses: none");
            return 0;
        }

        console.Out.WriteLine($"misses ({report.Misses.Count}):");
        foreach (var miss in report.Misses)
            console.Out.WriteLine(string.Create(inv, $"  line {miss.Line}: \"{miss.Question}\" expected {miss.Expected}, got {miss.Got ?? "none"} ({miss.Confidence:0.00})"));
        return 0;
    }

    /// <summary>One tab-separated row per question with the engine's signals, for tuning the confidence rule.</summary>
    private static void WriteSignals(FaqService service, string file, CliConsole console)
    {
        foreach (var line in File.ReadLines(file).Skip(1))
        {
            var columns = line.Split('\t');
            if (columns.Length < 2)
                continue;
            var explanation = service.Explain(columns[0]);
            var top = explanation.Candidates.Count > 0 ? explanation.Candidates[0] : null;
            var second = explanation.Candidates.Count > 1 ? explanation.Candidates[1] : null;
            var confidence = service.Ask(columns[0]).Confidence;
            console.Out.WriteLine(FormattableString.Invariant(
                $"SIG\t{columns[1]}\t{top?.Id}\t{top?.Score:0.000}\t{top?.Phrasing:0.000}\t{top?.Lexical:0.000}\t{top?.Coverage:0.000}\t{top?.Matched:0.000}\t{second?.Score:0.000}\t{confidence:0.000}\t{columns[0]}"));
        }
    }
}
