using MentorBot.Core.Knowledge;

namespace MentorBot.Core.Tests.Knowledge;

/// <summary>The knowledge base that ships in <c>knowledge/</c> at the repository root.</summary>
public sealed class ShippedKnowledgeTests
{
    /// <summary>The 31 topic ids of <c>shared/eval/faq-topics.tsv</c>, used when that file is not beside the repository.</summary>
    private static readonly string[] TopicIds =
    [
        "what-backend-does", "frontend-vs-backend", "fullstack-vs-backend", "degree-required", "no-experience",
        "how-long", "first-language", "databases", "frameworks", "apis",
        "version-control", "cloud-and-deployment", "security", "testing-and-debugging", "tools",
        "skills", "soft-skills", "certifications", "salary-india", "salary-us",
        "job-outlook", "good-career", "specializations", "trends", "working-with-frontend",
        "common-challenges", "portfolio-projects", "learning-paths", "companies-hiring", "career-growth",
        "roadmap",
    ];

    private static readonly Lazy<KnowledgeLoadResult> Loaded = new(() => KnowledgeLoader.Load(RepoPaths.KnowledgeRoot));

    private static KnowledgeBase Shipped => Loaded.Value.Knowledge ?? throw new InvalidOperationException(string.Join("\n", Loaded.Value.Problems));

    [Fact]
    public void Loads_with_zero_problems()
    {
        Assert.Empty(Loaded.Value.Problems.Select(p => p.ToString()));
        Assert.True(Loaded.Value.IsValid);
    }

    [Fact]
    public void Every_evaluated_topic_has_an_entry()
    {
        var ids = TopicIds.AsEnumerable();
        if (RepoPaths.FaqTopics is { } tsv)
        {
            ids = File.ReadLines(tsv)
                .Skip(1)
                .Select(l => l.Split('\t')[0].Trim())
                .Where(id => id.Length > 0)
                .ToArray();
            Assert.Equal(TopicIds.Order(StringComparer.Ordinal), ids.Order(StringComparer.Ordinal));
        }

        var missing = ids.Where(id => Shipped.FindFaq(id) is null).ToArray();
        Assert.Empty(missing);
        Assert.Equal(31, TopicIds.Length);
    }

    [Fact]
    public void Roadmap_runs_at_least_twelve_consecutive_weeks_of_three_to_five_tasks()
    {
        var weeks = Shipped.Roadmap;

        Assert.True(weeks.Count >= 12, $"only {weeks.Count} weeks");
        Assert.Equal(Enumerable.Range(1, weeks.Count), weeks.Select(w => w.Week));
        Assert.All(weeks, w =>
        {
            Assert.InRange(w.Tasks.Count, KnowledgeLimits.MinTasks, KnowledgeLimits.MaxTasks);
            Assert.False(string.IsNullOrWhiteSpace(w.Title));
            Assert.False(string.IsNullOrWhiteSpace(w.Goal));
            Assert.False(string.IsNullOrWhiteSpace(w.DoneWhen));
            Assert.All(w.Related, id => Assert.NotNull(Shipped.FindFaq(id)));
        });
    }

    [Fact]
    public void Every_answer_fits_one_message_and_ends_with_a_sources_line()
    {
        Assert.All(Shipped.Faq, e =>
        {
            Assert.True(e.Answer.Length <= KnowledgeLimits.Answer, $"{e.Id}: {e.Answer.Length} characters");
            Assert.StartsWith("Sources:", e.Answer.Split('\n')[^1].Trim(), StringComparison.Ordinal);
            Assert.InRange(e.Questions.Count, KnowledgeLimits.MinQuestions, KnowledgeLimits.MaxQuestions);
            Assert.All(e.Related, id => Assert.NotNull(Shipped.FindFaq(id)));
        });
    }

    [Fact]
    public void Salary_entries_name_their_sources_and_currency()
    {
        var india = Shipped.FindFaq("salary-india")!.Answer;
        Assert.Contains("AmbitionBox", india, StringComparison.Ordinal);
        Assert.Contains("Glassdoor", india, StringComparison.Ordinal);
        Assert.Contains("$", Shipped.FindFaq("salary-us")!.Answer, StringComparison.Ordinal);
    }
}
