using System.Security.Cryptography;
using MentorBot.Core.Faq;
using MentorBot.Core.Faq.Learning;
using MentorBot.Core.Knowledge;
using MentorBot.Core.Knowledge.Learning;
using MentorBot.Testing;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace MentorBot.Core.Tests.Knowledge.Learning;

/// <summary>
/// Writing changes into a live copy of the shipped knowledge folder, watched by the real provider and answered from by
/// the real engine.
/// </summary>
public sealed class KnowledgeWriterTests : IDisposable
{
    // About certifications, and declined with and without the model (ask --explain: 0.450 < 0.690 and 0.496 < 0.520,
    // certifications ranked first both times). Our own phrasing, in no evaluation set.
    private const string Question = "are paid credentials from vendors worth the money";
    private static readonly TimeSpan Delay = TimeSpan.FromMilliseconds(300);

    private readonly TempKnowledgeFolder _folder = KnowledgeCopy.OfShipped();
    private readonly FakeTimeProvider _time = new();

    public void Dispose() => _folder.Dispose();

    private KnowledgeWriter Writer(bool writable = true) => new(_folder.Root, writable, NullLogger<KnowledgeWriter>.Instance);

    [Fact]
    public async Task A_declined_question_added_to_the_entry_the_group_suggests_is_answered_after_the_hot_reload()
    {
        using var provider = new FileKnowledgeProvider(_folder.Root, Delay, _time, NullLogger<FileKnowledgeProvider>.Instance);
        provider.Watch();
        var faq = new FaqService(provider);
        Assert.Null(faq.Ask(Question).Entry);

        var group = Assert.Single(new QuestionGrouper(faq).Group([new AskedQuestion(Question, 3)]).Groups);
        Assert.Equal("certifications", group.Suggestion!.EntryId);
        var change = new KnowledgePatcher(_folder.Root).AddAlternateQuestion(group.Suggestion.EntryId, group.Representative).Change!;
        var result = Writer().Apply(change);

        Assert.True(result.Written, result.Message);
        Assert.Equal(change.NewText, File.ReadAllText(_folder.PathOf("faq/certifications.md")));
        // The watcher sees the rename on its own thread; each look moves the fake clock past the quiet delay.
        await Wait.UntilAsync(() =>
        {
            _time.Advance(Delay);
            return faq.Ask(Question).Entry?.Id == "certifications";
        }, "the question to be answered with certifications after the reload");
        Assert.Empty(Directory.EnumerateFiles(_folder.PathOf("faq"), "*.tmp"));
    }

    [Fact]
    public void With_writing_off_the_change_is_refused_and_nothing_changes()
    {
        var change = new KnowledgePatcher(_folder.Root).AddAlternateQuestion("certifications", Question).Change!;
        var before = Snapshot();

        var result = Writer(writable: false).Apply(change);

        Assert.False(result.Written);
        Assert.Equal(KnowledgeWriter.NotWritable, result.Message);
        Assert.Equal(before, Snapshot());
    }

    [Fact]
    public void A_change_that_fails_the_check_changes_nothing_and_says_where()
    {
        var patch = new KnowledgePatcher(_folder.Root).AddAlternateQuestion("certifications", Question).Change!;
        var broken = patch with { NewText = patch.NewText.Replace("\nsources:\n", "\nsourcez:\n", StringComparison.Ordinal) };
        var before = Snapshot();

        var result = Writer().Apply(broken);

        Assert.False(result.Written);
        Assert.StartsWith("knowledge check fails with this change", result.Message, StringComparison.Ordinal);
        Assert.Contains(result.Problems, p => p.File == Path.Join(_folder.Root, "faq/certifications.md") && p.Message == "unknown field 'sourcez'");
        Assert.Equal(before, Snapshot());
    }

    [Fact]
    public void A_phrasing_that_is_also_an_off_topic_example_is_refused()
    {
        var example = File.ReadAllLines(_folder.PathOf("off-topic.txt")).First(l => l.Length is > 0 and < 100 && !l.StartsWith('#'));
        var change = new KnowledgePatcher(_folder.Root).AddAlternateQuestion("certifications", example).Change!;
        var before = Snapshot();

        var result = Writer().Apply(change);

        Assert.False(result.Written);
        Assert.Contains(result.Problems, p => p.File == Path.Join(_folder.Root, "off-topic.txt") && p.Message.Contains("cannot be both answered and declined", StringComparison.Ordinal));
        Assert.Equal(before, Snapshot());
    }

    [Fact]
    public void A_change_made_from_a_file_edited_since_is_refused()
    {
        var change = new KnowledgePatcher(_folder.Root).AddAlternateQuestion("certifications", Question).Change!;
        File.AppendAllText(_folder.PathOf("faq/certifications.md"), "\n");
        var before = Snapshot();

        var result = Writer().Apply(change);

        Assert.False(result.Written);
        Assert.Equal("faq/certifications.md has changed since this change was made; make it again from the current file.", result.Message);
        Assert.Equal(before, Snapshot());
    }

    [Theory]
    [InlineData("lexicon.yaml")]
    [InlineData("faq/../lexicon.yaml")]
    [InlineData("faq/../../outside.md")]
    [InlineData("/etc/passwd")]
    [InlineData("roadmap/week-01.md")]
    public void Only_faq_files_are_written(string path)
    {
        var before = Snapshot();

        var result = Writer().Apply(new KnowledgeChange(path, null, "x", "", "test"));

        Assert.False(result.Written);
        Assert.StartsWith("Only FAQ files (faq/<id>.md) are written from here", result.Message, StringComparison.Ordinal);
        Assert.Equal(before, Snapshot());
    }

    [Fact]
    public void A_draft_is_written_once_and_not_served()
    {
        var change = new KnowledgePatcher(_folder.Root).DraftEntry(["how do I prepare for a system design interview"]).Change!;

        var first = Writer().Apply(change);
        var again = Writer().Apply(change);

        Assert.True(first.Written, first.Message);
        Assert.Equal("faq/prepare-system-design-interview.md already exists; make the draft again.", again.Message);
        var loaded = KnowledgeLoader.Load(_folder.Root);
        Assert.True(loaded.IsValid, string.Join("\n", loaded.Problems));
        Assert.Equal(["prepare-system-design-interview"], loaded.Drafts);
    }

    private string Snapshot() =>
        string.Join("\n", Directory.EnumerateFiles(_folder.Root, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal)
            .Select(f => f + ":" + Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(f)))));
}
