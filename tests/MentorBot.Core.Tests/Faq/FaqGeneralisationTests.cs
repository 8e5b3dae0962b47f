using MentorBot.Core.Faq;

namespace MentorBot.Core.Tests.Faq;

/// <summary>
/// An independent paraphrase set (<c>paraphrases.tsv</c>, never used to write the entries) scored with
/// <see cref="FaqEvaluation"/>: the engine must generalise beyond the phrasings in the knowledge files.
/// </summary>
public sealed class FaqGeneralisationTests
{
    private static readonly string ParaphrasesPath = Path.Combine(AppContext.BaseDirectory, "Faq", "paraphrases.tsv");

    [Fact]
    public void Paraphrases_meet_the_accuracy_and_decline_targets()
    {
        var report = FaqEvaluation.Run(ShippedFaq.Service, File.ReadLines(ParaphrasesPath));
        var misses = string.Join("\n", report.Misses.Select(m => $"{m.Line}: '{m.Question}' expected {m.Expected}, got {m.Got ?? "none"} ({m.Confidence})"));

        Assert.True(report.InScopeTotal > 100, $"only {report.InScopeTotal} in-scope questions were read");
        Assert.True(report.OffTopicTotal > 10, $"only {report.OffTopicTotal} off-topic questions were read");
        Assert.True(report.InScopeAccuracy >= 0.88, $"in-scope accuracy {report.InScopeAccuracy:P1}\n{misses}");
        Assert.True(report.DeclineRate >= 0.9, $"decline rate {report.DeclineRate:P1}\n{misses}");
    }

    [Fact]
    public void Evaluation_skips_the_header_and_blank_lines_and_accepts_alternatives()
    {
        string[] lines =
        [
            "question\texpected",
            "",
            "degree-required\tdegree-required",
            "salary-us\tsalary-india|salary-us",
            "salary-us\tdatabases",
            "best pizza in town\tnone",
            "no tab on this line",
        ];

        var report = FaqEvaluation.Run(ShippedFaq.Service, lines);

        Assert.Equal(3, report.InScopeTotal);
        Assert.Equal(2, report.InScopeCorrect);
        Assert.Equal(1, report.OffTopicTotal);
        Assert.Equal(1, report.OffTopicDeclined);
        var miss = Assert.Single(report.Misses);
        Assert.Equal(5, miss.Line);
        Assert.Equal("salary-us", miss.Got);
    }
}
