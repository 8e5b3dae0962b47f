using System.Text;
using MentorBot.Core.Faq;
using MentorBot.Core.Knowledge;
using MentorBot.Core.Knowledge.Learning;

namespace MentorBot.Core.Tests.Knowledge.Learning;

/// <summary>
/// Patches made on a copy of the shipped knowledge folder, applied with the real <c>git apply</c> and checked with the
/// real loader (what <c>knowledge check</c> runs).
/// </summary>
public sealed class KnowledgePatcherTests
{
    [Fact]
    public void An_alternate_question_is_one_new_line_after_the_last_and_the_diff_applies_with_git()
    {
        using var folder = KnowledgeCopy.OfShipped();
        var old = File.ReadAllText(folder.PathOf("faq/certifications.md"));
        var lastQuestion = KnowledgeLoader.Load(folder.Root).Knowledge!.Faq.Single(e => e.Id == "certifications").Questions[^1];

        var result = new KnowledgePatcher(folder.Root).AddAlternateQuestion("certifications", "  is the aws cloud practitioner\n cert worth it for a junior ");

        var change = Assert.IsType<KnowledgeChange>(result.Change);
        Assert.Null(result.Refusal);
        var expected = old.Replace($"  - {lastQuestion}\n", $"  - {lastQuestion}\n  - is the aws cloud practitioner cert worth it for a junior\n", StringComparison.Ordinal);
        Assert.NotEqual(old, expected);
        Assert.Equal(("faq/certifications.md", old, expected), (change.Path, change.OldText, change.NewText));
        Assert.StartsWith("diff --git a/knowledge/faq/certifications.md b/knowledge/faq/certifications.md\n--- a/knowledge/faq/certifications.md\n+++ b/knowledge/faq/certifications.md\n@@ ", change.Diff, StringComparison.Ordinal);
        Assert.Single(change.Diff.Split('\n'), l => l.StartsWith('+') && !l.StartsWith("+++", StringComparison.Ordinal));
        Assert.DoesNotContain(change.Diff.Split('\n'), l => l.StartsWith('-') && !l.StartsWith("---", StringComparison.Ordinal));

        using var repo = new GitRepo(RepoPaths.KnowledgeRoot);
        repo.Apply(change.Diff);
        Assert.Equal(Encoding.UTF8.GetBytes(expected), repo.Bytes("knowledge/faq/certifications.md"));

        var applied = KnowledgeLoader.Load(Path.Combine(repo.Root, "knowledge"));
        Assert.True(applied.IsValid, string.Join("\n", applied.Problems));
        Assert.Equal("is the aws cloud practitioner cert worth it for a junior", applied.Knowledge!.Faq.Single(e => e.Id == "certifications").Questions[^1]);
    }

    [Theory]
    [InlineData("cert: worth it?")]
    [InlineData("\"quoted\" certs, are they worth it")]
    [InlineData("- which cert first")]
    [InlineData("certs #1 or experience")]
    [InlineData("[aws] or [azure] cert?")]
    [InlineData("is a cert worth it for a back\\end dev")]
    public void Text_that_means_something_to_YAML_is_quoted_and_reads_back_exactly(string question)
    {
        using var folder = KnowledgeCopy.OfShipped();

        var change = new KnowledgePatcher(folder.Root).AddAlternateQuestion("certifications", question).Change!;

        File.WriteAllText(folder.PathOf(change.Path), change.NewText);
        var loaded = KnowledgeLoader.Load(folder.Root);
        Assert.True(loaded.IsValid, string.Join("\n", loaded.Problems));
        Assert.Equal(question, loaded.Knowledge!.Faq.Single(e => e.Id == "certifications").Questions[^1]);
    }

    [Fact]
    public void A_file_with_CRLF_endings_a_byte_order_mark_and_no_final_newline_is_kept_byte_for_byte()
    {
        using var folder = new TempKnowledgeFolder().WithValidContent();
        var text = "\uFEFF" + KnowledgeFiles.Faq("alpha", "What is alpha?", ["How does alpha work?", "alpha basics", "Explain alpha to me"], related: ["beta"])
            .Replace("\n", "\r\n", StringComparison.Ordinal).TrimEnd('\r', '\n');
        File.WriteAllBytes(folder.PathOf("faq/alpha.md"), Encoding.UTF8.GetBytes(text));

        var change = new KnowledgePatcher(folder.Root).AddAlternateQuestion("alpha", "what does alpha do").Change!;

        var expected = text.Replace("  - Explain alpha to me\r\n", "  - Explain alpha to me\r\n  - what does alpha do\r\n", StringComparison.Ordinal);
        Assert.Equal(expected, change.NewText);
        using var repo = new GitRepo(folder.Root);
        repo.Apply(change.Diff);
        Assert.Equal(Encoding.UTF8.GetBytes(expected), repo.Bytes("knowledge/faq/alpha.md"));
    }

    [Theory]
    [InlineData("certifications", "Which certifications are worth getting as a backend developer", "already the title of certifications")]
    [InlineData("certifications", "", "The question is empty.")]
    [InlineData("certifications", " \n\t ", "The question is empty.")]
    [InlineData("no-such-entry", "is a cert worth it", "There is no FAQ entry 'no-such-entry'.")]
    [InlineData("../lexicon", "is a cert worth it", "There is no FAQ entry '../lexicon'.")]
    [InlineData("Certifications", "is a cert worth it", "There is no FAQ entry 'Certifications'.")]
    public void Bad_requests_are_refused_with_a_reason_and_change_nothing(string entryId, string question, string reason)
    {
        using var folder = KnowledgeCopy.OfShipped();
        var before = Snapshot(folder.Root);

        var result = new KnowledgePatcher(folder.Root).AddAlternateQuestion(entryId, question);

        Assert.Null(result.Change);
        Assert.Contains(reason, result.Refusal, StringComparison.Ordinal);
        Assert.Equal(before, Snapshot(folder.Root));
    }

    [Fact]
    public void A_question_that_normalises_to_an_existing_phrasing_of_any_entry_is_refused()
    {
        using var folder = KnowledgeCopy.OfShipped();
        var knowledge = KnowledgeLoader.Load(folder.Root).Knowledge!;
        var own = knowledge.Faq.Single(e => e.Id == "certifications").Questions[0];
        var other = knowledge.Faq.Single(e => e.Id == "salary-us").Questions[0];
        var patcher = new KnowledgePatcher(folder.Root);

        var same = patcher.AddAlternateQuestion("certifications", "  " + own.ToUpperInvariant().Replace("?", " ??", StringComparison.Ordinal));
        var elsewhere = patcher.AddAlternateQuestion("certifications", other.ToLowerInvariant());

        Assert.Contains("already an alternate question of certifications", same.Refusal, StringComparison.Ordinal);
        Assert.Contains("already an alternate question of salary-us", elsewhere.Refusal, StringComparison.Ordinal);
    }

    [Fact]
    public void An_overlong_question_is_refused()
    {
        using var folder = KnowledgeCopy.OfShipped();

        var result = new KnowledgePatcher(folder.Root).AddAlternateQuestion("certifications", new string('x', 101));

        Assert.Equal("The question is 101 characters; alternate questions are at most 100.", result.Refusal);
    }

    [Fact]
    public void Nothing_is_patched_while_the_folder_has_problems()
    {
        using var folder = KnowledgeCopy.OfShipped();
        folder.Write("faq/broken.md", "no front matter");

        var result = new KnowledgePatcher(folder.Root).AddAlternateQuestion("certifications", "is a cert worth it");

        Assert.StartsWith("The knowledge folder has 1 problem(s) now", result.Refusal, StringComparison.Ordinal);
    }

    [Fact]
    public void Questions_written_as_a_flow_list_are_left_to_a_human()
    {
        using var folder = new TempKnowledgeFolder().WithValidContent();
        folder.Write("faq/alpha.md", KnowledgeFiles.Faq("alpha", "What is alpha?", ["How does alpha work?", "alpha basics", "Explain alpha to me"], related: ["beta"])
            .Replace("questions:\n  - How does alpha work?\n  - alpha basics\n  - Explain alpha to me", "questions: [How does alpha work?, alpha basics, Explain alpha to me]", StringComparison.Ordinal));
        Assert.True(KnowledgeLoader.Load(folder.Root).IsValid);

        var result = new KnowledgePatcher(folder.Root).AddAlternateQuestion("alpha", "what does alpha do");

        Assert.Contains("add the question by hand", result.Refusal, StringComparison.Ordinal);
    }

    [Fact]
    public void A_draft_is_a_new_file_that_git_applies_the_checker_accepts_and_the_engine_never_serves()
    {
        using var folder = KnowledgeCopy.OfShipped();
        var questions = new[] { "how do I prepare for a system design interview", "System design interview prep tips?", "how do I prepare for a system design interview!", "", new string('q', 120) };

        var change = new KnowledgePatcher(folder.Root).DraftEntry(questions).Change!;

        Assert.Equal("faq/prepare-system-design-interview.md", change.Path);
        Assert.Null(change.OldText);
        Assert.Equal(
            """
            ---
            id: prepare-system-design-interview
            title: how do I prepare for a system design interview
            draft: true
            questions:
              - how do I prepare for a system design interview
              - System design interview prep tips?
            sources:
              - "TODO: the source documents of the answer"
            ---
            DRAFT: this entry is not served until a moderator writes the answer here (at most 1,800 characters) and removes 'draft: true' from the front matter.

            Sources: name the documents the answer comes from.

            """.Replace("\r\n", "\n", StringComparison.Ordinal), change.NewText);
        Assert.Contains("left out: \"how do I prepare for a system design interview!\"", change.Description, StringComparison.Ordinal);
        Assert.StartsWith("diff --git a/knowledge/faq/prepare-system-design-interview.md b/knowledge/faq/prepare-system-design-interview.md\nnew file mode 100644\n--- /dev/null\n", change.Diff, StringComparison.Ordinal);

        using var repo = new GitRepo(RepoPaths.KnowledgeRoot);
        repo.Apply(change.Diff);
        Assert.Equal(Encoding.UTF8.GetBytes(change.NewText), repo.Bytes("knowledge/" + change.Path));

        var loaded = KnowledgeLoader.Load(Path.Combine(repo.Root, "knowledge"));
        Assert.True(loaded.IsValid, string.Join("\n", loaded.Problems));
        Assert.Equal(["prepare-system-design-interview"], loaded.Drafts);
        Assert.DoesNotContain(loaded.Knowledge!.Faq, e => e.Id == "prepare-system-design-interview");
        var answer = new FaqService(new StaticKnowledgeProvider(loaded.Knowledge)).Ask("System design interview prep tips?");
        Assert.NotEqual("prepare-system-design-interview", answer.Entry?.Id);
    }

    [Fact]
    public void A_draft_id_is_unique_and_its_title_can_be_given()
    {
        using var folder = KnowledgeCopy.OfShipped();

        var change = new KnowledgePatcher(folder.Root).DraftEntry(["what certs should a backend dev take first"], title: "Certifications!").Change!;

        Assert.Equal("faq/certifications-2.md", change.Path);
        Assert.Contains("\ntitle: Certifications!\n", change.NewText, StringComparison.Ordinal);
    }

    [Fact]
    public void A_draft_with_no_usable_question_is_refused()
    {
        using var folder = KnowledgeCopy.OfShipped();
        var existing = KnowledgeLoader.Load(folder.Root).Knowledge!.Faq[0].Questions[0];

        var result = new KnowledgePatcher(folder.Root).DraftEntry([existing, "  "]);

        Assert.StartsWith("None of the questions can be an alternate question", result.Refusal, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("How do I prepare for a system design interview?", "prepare-system-design-interview")]
    [InlineData("Café owner → backend dev: possible?", "cafe-owner-backend-dev-possible")]
    [InlineData("what is it?", "what-is-it")]
    [InlineData("???", "draft")]
    public void Ids_come_from_the_titles_topic_words(string title, string id) => Assert.Equal(id, KnowledgePatcher.IdFrom(title));

    private static string Snapshot(string root) =>
        string.Join("\n", Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal)
            .Select(f => f + ":" + Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(File.ReadAllBytes(f)))));
}
