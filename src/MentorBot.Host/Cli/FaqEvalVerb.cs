using System.Globalization;
using MentorBot.Core.Faq;

namespace MentorBot.Host.Cli;

/// <summary><c>faq eval FILE</c>: in-scope top-1 accuracy, off-topic decline rate and every miss.</summary>
internal static class FaqEvalVerb
{
    public static int Run(IFaqService faq, string file, CliConsole console)
    {
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
}
