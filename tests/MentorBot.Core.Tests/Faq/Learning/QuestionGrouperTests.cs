using MentorBot.Core.Faq;
using MentorBot.Core.Faq.Learning;
using MentorBot.Core.Knowledge;
using MentorBot.Core.Tests.Faq.Semantic;
using MentorBot.Core.Tests.Knowledge;

namespace MentorBot.Core.Tests.Faq.Learning;

/// <summary>
/// Grouping with the lexical engine over the shipped knowledge base (the model is off in this project). The questions
/// are our own, written for these tests. Paraphrases that share a rare word group; questions on other topics stay apart.
/// </summary>
public sealed class QuestionGrouperTests
{
    private static readonly string[][] Paraphrases =
    [
        ["can I work remotely as a backend developer", "are there remote backend jobs", "is remote work common for backend engineers"],
        ["is rust worth learning for backend in 2026", "should I pick up rust for server side work", "rust for backend development, good idea?"],
        ["how do i negotiate my first salary offer", "negotiating salary as a junior developer"],
        ["how do I stay motivated while learning to code", "I keep losing motivation studying programming, help"],
    ];

    private static readonly string[] Unrelated =
    [
        "what is the capital of france",
        "how to bake sourdough bread",
        "explain docker volumes",
        "which database should I learn first",
        "how much do backend devs earn in germany",
    ];

    [Fact]
    public void Paraphrases_land_together_and_unrelated_questions_apart()
    {
        var grouping = new QuestionGrouper(ShippedFaq.Service).Group(Paraphrases.SelectMany(p => p).Concat(Unrelated).Select(q => new AskedQuestion(q)));

        Assert.Equal("lexical", grouping.Similarity);
        Assert.Null(grouping.ModelId);
        var groups = grouping.Groups.Select(g => g.Members.Select(m => m.Text).Order(StringComparer.Ordinal).ToArray()).ToList();
        foreach (var paraphrases in Paraphrases)
            Assert.Contains(paraphrases.Order(StringComparer.Ordinal).ToArray(), groups);
        foreach (var question in Unrelated)
            Assert.Contains([question], groups);
        Assert.Equal(Paraphrases.Length + Unrelated.Length, groups.Count);
    }

    [Fact]
    public void Every_member_is_at_least_the_threshold_close_to_its_representative()
    {
        var grouping = new QuestionGrouper(ShippedFaq.Service).Group(Paraphrases.SelectMany(p => p).Concat(Unrelated).Select(q => new AskedQuestion(q)));

        foreach (var group in grouping.Groups)
        {
            Assert.Equal(group.Representative, group.Members[0].Text);
            Assert.Equal(1, group.Members[0].Similarity);
            Assert.All(group.Members.Skip(1), m => Assert.InRange(m.Similarity, grouping.Threshold, 1));
        }
    }

    [Fact]
    public void Biggest_group_comes_first_ties_by_text_and_the_most_asked_question_represents_it()
    {
        var questions = new[]
        {
            new AskedQuestion("are there remote backend jobs", 2),
            new AskedQuestion("can I work remotely as a backend developer", 5),
            new AskedQuestion("explain docker volumes", 3),
            new AskedQuestion("how to bake sourdough bread", 7),
            new AskedQuestion("what is the capital of france", 7),
        };

        var groups = new QuestionGrouper(ShippedFaq.Service).Group(questions).Groups;

        Assert.Equal(
            ["can I work remotely as a backend developer", "how to bake sourdough bread", "what is the capital of france", "explain docker volumes"],
            groups.Select(g => g.Representative));
        Assert.Equal([7, 7, 7, 3], groups.Select(g => g.TotalCount));
        Assert.Equal(["can I work remotely as a backend developer", "are there remote backend jobs"], groups[0].Members.Select(m => m.Text));
    }

    [Fact]
    public void The_order_of_the_input_does_not_change_the_result()
    {
        var questions = Paraphrases.SelectMany(p => p).Concat(Unrelated).Select((q, i) => new AskedQuestion(q, 1 + (i % 3))).ToArray();
        var grouper = new QuestionGrouper(ShippedFaq.Service);

        var first = Describe(grouper.Group(questions));
        var reversed = Describe(grouper.Group(questions.Reverse()));
        var shuffled = Describe(grouper.Group(questions.OrderBy(q => q.Text.GetHashCode(StringComparison.Ordinal))));

        Assert.Equal(first, reversed);
        Assert.Equal(first, shuffled);
    }

    [Fact]
    public void Spellings_of_one_question_merge_into_one_member_written_the_most_asked_way()
    {
        var questions = new[]
        {
            new AskedQuestion("Are there remote backend jobs?", 1),
            new AskedQuestion("are there remote backend jobs", 3),
            new AskedQuestion("  ARE THERE remote backend jobs!! ", 1),
            new AskedQuestion("   ", 4),
            new AskedQuestion("explain docker volumes", 0),
        };

        var groups = new QuestionGrouper(ShippedFaq.Service).Group(questions).Groups;

        Assert.Equal(2, groups.Count);
        var remote = Assert.Single(groups[0].Members);
        Assert.Equal(("are there remote backend jobs", 5), (remote.Text, remote.Count));
        Assert.Equal(1, groups[1].TotalCount);
    }

    [Fact]
    public void The_suggested_entry_is_the_one_the_engine_ranks_first_for_most_asks()
    {
        var questions = new[]
        {
            new AskedQuestion("how much do backend developers earn in the US per year exactly", 3),
            new AskedQuestion("how much do backend developers earn in the US per year roughly", 1),
        };

        var group = Assert.Single(new QuestionGrouper(ShippedFaq.Service).Group(questions).Groups);

        var expected = ShippedFaq.Service.Explain(questions[0].Text).Fused[0];
        Assert.Equal("salary-us", expected.Entry.Id);
        Assert.Equal(expected.Entry.Id, group.Suggestion!.EntryId);
        Assert.Equal(expected.Entry.Title, group.Suggestion.Title);
        Assert.InRange(group.Suggestion.Score, 0.01, 1);
        Assert.All(group.Members, m => Assert.Equal("salary-us", m.TopEntry!.EntryId));
    }

    [Fact]
    public void A_question_with_no_candidate_has_no_suggestion()
    {
        var group = Assert.Single(new QuestionGrouper(ShippedFaq.Service).Group([new AskedQuestion("how to bake sourdough bread")]).Groups);

        Assert.Null(group.Suggestion);
    }

    [Fact]
    public void Feedback_is_summed_per_entry_over_the_group()
    {
        var questions = new[]
        {
            new AskedQuestion("are there remote backend jobs") { EntryId = "good-career", Helpful = 1, NotHelpful = 2 },
            new AskedQuestion("Are there remote backend jobs?") { EntryId = "good-career", NotHelpful = 3 },
            new AskedQuestion("can I work remotely as a backend developer") { EntryId = "job-outlook", Helpful = 4 },
            new AskedQuestion("is remote work common for backend engineers") { EntryId = "trends" },
        };

        var group = Assert.Single(new QuestionGrouper(ShippedFaq.Service).Group(questions).Groups);

        Assert.Equal([new EntryFeedback("good-career", 1, 5), new EntryFeedback("job-outlook", 4, 0)], group.Feedback);
    }

    [Fact]
    public void With_a_model_the_grouper_compares_embeddings_and_groups_paraphrases_that_share_no_word()
    {
        var knowledge = KnowledgeLoader.Load(RepoPaths.KnowledgeRoot).Knowledge!;
        var embedder = new FakeEmbedder(["laptop", "computer", "machine"], ["buy", "purchase", "get"]);
        var faq = new FaqService(new StaticKnowledgeProvider(knowledge), embedder);

        var grouping = new QuestionGrouper(faq).Group(
            [new AskedQuestion("which laptop to buy"), new AskedQuestion("what machine should I purchase"), new AskedQuestion("explain docker volumes")]);

        Assert.Equal("semantic", grouping.Similarity);
        Assert.Equal("fake-concepts-v1", grouping.ModelId);
        Assert.Equal(0.6, grouping.Threshold);
        Assert.Equal(2, grouping.Groups.Count);
        Assert.Equal(2, grouping.Groups[0].Members.Count);
    }

    private static string Describe(QuestionGrouping grouping) =>
        string.Join("\n", grouping.Groups.Select(g => $"{g.TotalCount} {g.Suggestion} " + string.Join(" | ", g.Members.Select(m => $"{m.Text}:{m.Count}:{m.Similarity}"))));
}
