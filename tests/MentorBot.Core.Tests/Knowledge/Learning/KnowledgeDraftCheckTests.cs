using MentorBot.Core.Knowledge;

namespace MentorBot.Core.Tests.Knowledge.Learning;

/// <summary>What <c>knowledge check</c> says about entries marked <c>draft: true</c>.</summary>
public sealed class KnowledgeDraftCheckTests
{
    private static string Draft(string id, IReadOnlyList<string> questions, bool draft = true, string? answer = null) =>
        KnowledgeFiles.Faq(id, $"What is {id}?", questions, answer: answer ?? KnowledgeDrafts.PlaceholderAnswer)
            .Replace($"title: What is {id}?\n", $"title: What is {id}?\n" + (draft ? "draft: true\n" : ""), StringComparison.Ordinal);

    [Fact]
    public void A_draft_with_one_question_and_the_placeholder_passes_and_is_not_served()
    {
        using var folder = new TempKnowledgeFolder().WithValidContent();
        folder.Write("faq/gamma.md", Draft("gamma", ["what is gamma"]));

        var result = KnowledgeLoader.Load(folder.Root);

        Assert.True(result.IsValid, string.Join("\n", result.Problems));
        Assert.Equal(["gamma"], result.Drafts);
        Assert.Equal(["alpha", "beta"], result.Knowledge!.Faq.Select(e => e.Id));
    }

    [Fact]
    public void Without_the_flag_the_placeholder_and_too_few_questions_are_problems()
    {
        using var folder = new TempKnowledgeFolder().WithValidContent();
        folder.Write("faq/gamma.md", Draft("gamma", ["what is gamma"], draft: false));

        var problems = KnowledgeLoader.Load(folder.Root).Problems.Select(p => p.Message).ToList();

        Assert.Contains("the answer is still the draft placeholder; write the answer before removing 'draft: true'", problems);
        Assert.Contains($"'questions' has 1 items; write 3 to {KnowledgeLimits.MaxQuestions} phrasings", problems);
    }

    [Fact]
    public void A_drafts_questions_are_reserved_and_a_served_entry_may_not_link_to_it()
    {
        using var folder = new TempKnowledgeFolder().WithValidContent();
        folder.Write("faq/gamma.md", Draft("gamma", ["alpha basics"]));
        folder.Write("faq/beta.md", KnowledgeFiles.Faq("beta", "What is beta?", ["How does beta work?", "beta basics", "Explain beta to me"], related: ["gamma"]));

        var problems = KnowledgeLoader.Load(folder.Root).Problems.Select(p => p.Message).ToList();

        Assert.Contains(problems, p => p.StartsWith("the question 'alpha basics' also appears at", StringComparison.Ordinal));
        Assert.Contains("related id 'gamma' is a draft, which is not served", problems);
    }

    [Fact]
    public void The_flag_must_be_true_or_false()
    {
        using var folder = new TempKnowledgeFolder().WithValidContent();
        folder.Write("faq/gamma.md", Draft("gamma", ["what is gamma"]).Replace("draft: true", "draft: maybe", StringComparison.Ordinal));

        Assert.Contains("'draft' must be true or false", KnowledgeLoader.Load(folder.Root).Problems.Select(p => p.Message));
    }
}
