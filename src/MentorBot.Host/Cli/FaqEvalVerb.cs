using System.Globalization;
using MentorBot.Core.Faq;

namespace MentorBot.Host.Cli;

/// <summary>
/// <c>faq eval FILE [--min-in-scope P] [--min-declined Q]</c>: in-scope top-1 accuracy, off-topic decline rate and
/// every miss; exit code 1 when a rate is below its floor (in percent), so CI catches a regression.
/// </summary>
internal static class FaqEvalVerb
{
    public static bool TryParseFloors(IReadOnlyList<string> options, out double? minInScope, out double? minDeclined, CliConsole console)
    {
        minInScope = null;
        minDeclined = null;
        for (var i = 0; i < options.Count; i++)
        {
            var name = options[i];
            if (name is not ("--min-in-scope" or "--min-declined") || i + 1 >= options.Count
                || !double.TryParse(options[i + 1].TrimEnd('%'), NumberStyles.Float, CultureInfo.InvariantCulture, out var percent)
                || percent is < 0 or > 100)
            {
                console.Error.WriteLine($"faq eval: expected --min-in-scope P or --min-declined Q with P and Q in percent (0-100), got '{string.Join(' ', options.Skip(i))}'.");
                return false;
            }

            if (name == "--min-in-scope")
                minInScope = percent / 100;
            else
                minDeclined = percent / 100;
            i++;
        }

        return true;
    }

    public static int Run(IFaqService faq, string file, double? minInScope, double? minDeclined, CliConsole console)
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
        console.Out.WriteLine(string.Create(inv, $"in-scope ranked first (answered or first suggestion): {report.InScopeRankedFirst}/{report.InScopeTotal}"));
        if (report.Misses.Count == 0)
        {
            console.Out.WriteLine("misses: none");
        }
        else
        {
            console.Out.WriteLine($"misses ({report.Misses.Count}):");
            foreach (var miss in report.Misses)
                console.Out.WriteLine(string.Create(inv, $"  line {miss.Line}: \"{miss.Question}\" expected {miss.Expected}, got {miss.Got ?? "none"} ({miss.Confidence:0.00})"));
        }

        var failed = false;
        if (minInScope is { } inScopeFloor && report.InScopeAccuracy < inScopeFloor)
        {
            console.Error.WriteLine(string.Create(inv, $"FAIL: in-scope top-1 accuracy {report.InScopeAccuracy:P1} is below the floor of {inScopeFloor:P1} ({file})"));
            failed = true;
        }

        if (minDeclined is { } declinedFloor && report.DeclineRate < declinedFloor)
        {
            console.Error.WriteLine(string.Create(inv, $"FAIL: off-topic decline rate {report.DeclineRate:P1} is below the floor of {declinedFloor:P1} ({file})"));
            failed = true;
        }

        return failed ? 1 : 0;
    }
}
