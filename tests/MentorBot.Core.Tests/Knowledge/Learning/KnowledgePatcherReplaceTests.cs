using System.Text;
using MentorBot.Core.Knowledge;
using MentorBot.Core.Knowledge.Learning;

namespace MentorBot.Core.Tests.Knowledge.Learning;

/// <summary>
/// Teaching an entry that already has the most phrasings knowledge check allows: the new question replaces one the
/// moderator chooses. Patches are applied with the real <c>git apply</c> and checked with the real loader.
/// </summary>
public sealed class KnowledgePatcherReplaceTests
{
    private const string Entry = "certifications";
    private const string NewQuestion = "is the aws cloud practitioner cert worth it for a junior";

    /// <summary>A copy of the shipped folder whose certifications entry is filled up to the limit.</summary>
    private static TempKnowledgeFolder FullCopy()
    {
        var folder = KnowledgeCopy.OfShipped();
        var patcher = new KnowledgePatcher(folder.Root);
        for (var n = 1; Questions(folder.Root).Count < KnowledgeLimits.MaxQuestions; n++)
        {
            var change = patcher.AddAlternateQuestion(Entry, $"filler phrasing number {n} about vendor credentials").Change!;
            File.WriteAllText(folder.PathOf(change.Path), change.NewText);
        }

        return folder;
    }

    private static IReadOnlyList<string> Questions(string root) =>
        KnowledgeLoader.Load(root).Knowledge!.Faq.Single(e => e.Id == Entry).Questions;

    [Fact]
    public void Adding_to_a_full_entry_is_refused_with_its_questions_to_choose_from_and_changes_nothing()
    {
        using var folder = FullCopy();
        var before = File.ReadAllBytes(folder.PathOf("faq/certifications.md"));

        var result = new KnowledgePatcher(folder.Root).AddAlternateQuestion(Entry, NewQuestion);

        Assert.Null(result.Change);
        Assert.Contains("choose one for the new question to replace", result.Refusal, StringComparison.Ordinal);
        Assert.Equal(Questions(folder.Root), result.Replaceable);
        Assert.Equal(before, File.ReadAllBytes(folder.PathOf("faq/certifications.md")));
    }

    [Fact]
    public void A_replacement_is_one_line_out_and_one_in_at_its_place_and_the_diff_applies_with_git_and_passes_the_check()
    {
        using var folder = FullCopy();
        var questions = Questions(folder.Root);
        var replaced = questions[3];
        var old = File.ReadAllText(folder.PathOf("faq/certifications.md"));

        var result = new KnowledgePatcher(folder.Root).AddAlternateQuestion(Entry, NewQuestion, " " + replaced + " ");

        var change = Assert.IsType<KnowledgeChange>(result.Change);
        Assert.Empty(result.Replaceable);
        Assert.Equal($"Replace the alternate question \"{replaced}\" of {Entry} with \"{NewQuestion}\"", change.Description);
        var removed = Assert.Single(change.Diff.Split('\n'), l => l.StartsWith('-') && !l.StartsWith("---", StringComparison.Ordinal));
        var added = Assert.Single(change.Diff.Split('\n'), l => l.StartsWith('+') && !l.StartsWith("+++", StringComparison.Ordinal));
        Assert.Equal("-  - " + replaced, removed);
        Assert.Equal("+  - " + NewQuestion, added);

        using var repo = new GitRepo(folder.Root);
        repo.Apply(change.Diff);
        Assert.Equal(Encoding.UTF8.GetBytes(change.NewText), repo.Bytes("knowledge/faq/certifications.md"));
        Assert.Equal(old.Length - replaced.Length + NewQuestion.Length, change.NewText.Length);
        var applied = KnowledgeLoader.Load(Path.Combine(repo.Root, "knowledge"));
        Assert.True(applied.IsValid, string.Join("\n", applied.Problems));
        var after = applied.Knowledge!.Faq.Single(e => e.Id == Entry).Questions;
        Assert.Equal(questions.Select((q, i) => i == 3 ? NewQuestion : q), after);
    }

    [Fact]
    public void A_replacement_quotes_what_YAML_needs_and_keeps_CRLF_endings()
    {
        using var folder = FullCopy();
        var file = folder.PathOf("faq/certifications.md");
        File.WriteAllText(file, File.ReadAllText(file).Replace("\n", "\r\n", StringComparison.Ordinal));
        var replaced = Questions(folder.Root)[^1];

        var change = new KnowledgePatcher(folder.Root).AddAlternateQuestion(Entry, "cert: worth it? #1", replaced).Change!;

        Assert.DoesNotContain("\n", change.NewText.Replace("\r\n", "", StringComparison.Ordinal), StringComparison.Ordinal);
        File.WriteAllText(file, change.NewText);
        Assert.Equal("cert: worth it? #1", Questions(folder.Root)[^1]);
    }

    [Theory]
    [InlineData("not one of its questions", "is not an alternate question of certifications")]
    [InlineData("Which certifications are worth getting as a backend developer", "is not an alternate question of certifications")]
    public void Replacing_what_is_not_a_question_of_the_entry_is_refused_and_changes_nothing(string replacing, string reason)
    {
        using var folder = FullCopy();
        var before = File.ReadAllBytes(folder.PathOf("faq/certifications.md"));

        var result = new KnowledgePatcher(folder.Root).AddAlternateQuestion(Entry, NewQuestion, replacing);

        Assert.Null(result.Change);
        Assert.Contains(reason, result.Refusal, StringComparison.Ordinal);
        Assert.Equal(before, File.ReadAllBytes(folder.PathOf("faq/certifications.md")));
    }

    [Fact]
    public void A_replacement_that_is_already_a_phrasing_of_any_entry_is_refused()
    {
        using var folder = FullCopy();
        var questions = Questions(folder.Root);

        var result = new KnowledgePatcher(folder.Root).AddAlternateQuestion(Entry, questions[1].ToUpperInvariant(), questions[0]);

        Assert.Null(result.Change);
        Assert.Contains("is already an alternate question of certifications", result.Refusal, StringComparison.Ordinal);
    }
}
