using MentorBot.Core.Knowledge;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace MentorBot.Core.Tests.Knowledge;

public sealed class FileKnowledgeProviderTests : IDisposable
{
    private static readonly TimeSpan Delay = TimeSpan.FromMilliseconds(300);

    private readonly TempKnowledgeFolder _folder = new TempKnowledgeFolder().WithValidContent();
    private readonly FakeTimeProvider _time = new();

    public void Dispose() => _folder.Dispose();

    private FileKnowledgeProvider Start() => new(_folder.Root, Delay, _time, NullLogger<FileKnowledgeProvider>.Instance);

    private void EditAlphaTitle(string title) =>
        _folder.Write("faq/alpha.md", KnowledgeFiles.Faq("alpha", title, ["How does alpha work?", "alpha basics", "Explain alpha to me"], related: ["beta"]));

    [Fact]
    public void Starts_with_the_folder_content()
    {
        using var provider = Start();

        Assert.Equal(["alpha", "beta"], provider.Current.Faq.Select(e => e.Id));
        Assert.Equal(2, provider.Current.Roadmap.Count);
    }

    [Fact]
    public void Valid_edit_goes_live_on_reload_and_raises_reloaded()
    {
        using var provider = Start();
        var before = provider.Current;
        var raised = 0;
        provider.Reloaded += (sender, _) =>
        {
            Assert.Same(provider, sender);
            raised++;
        };

        EditAlphaTitle("Alpha, revised");
        _folder.Write("faq/gamma.md", KnowledgeFiles.Faq("gamma", "What is gamma?", ["gamma one", "gamma two", "gamma three"]));

        Assert.True(provider.Reload());
        Assert.Equal(1, raised);
        Assert.NotSame(before, provider.Current);
        Assert.Equal("Alpha, revised", provider.Current.FindFaq("alpha")!.Title);
        Assert.NotNull(provider.Current.FindFaq("gamma"));
        Assert.Equal("What is alpha?", before.FindFaq("alpha")!.Title);
    }

    [Fact]
    public void Invalid_edit_keeps_the_previous_snapshot()
    {
        using var provider = Start();
        var before = provider.Current;
        var raised = 0;
        provider.Reloaded += (_, _) => raised++;

        _folder.Write("faq/alpha.md", "---\nid: alpha\ntitle: Broken\n");

        Assert.False(provider.Reload());
        Assert.Same(before, provider.Current);
        Assert.Equal(0, raised);
        Assert.Equal("What is alpha?", provider.Current.FindFaq("alpha")!.Title);

        EditAlphaTitle("Alpha fixed");

        Assert.True(provider.Reload());
        Assert.Equal("Alpha fixed", provider.Current.FindFaq("alpha")!.Title);
        Assert.Equal(1, raised);
    }

    [Fact]
    public void Construction_on_an_invalid_folder_throws_with_located_problems()
    {
        var file = _folder.Write("faq/alpha.md", KnowledgeFiles.Faq("alpha", "Alpha", ["q one", new string('x', 150), "q three"], related: ["beta"]));

        var ex = Assert.Throws<InvalidKnowledgeException>(Start);

        // The broken entry also leaves the links to it dangling, so those are listed too.
        Assert.Contains(ex.Problems, p => p.File == file && p.Line == 6);
        Assert.Contains($"{file}:6: ", ex.Message, StringComparison.Ordinal);
        Assert.Contains(_folder.Root, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Construction_on_a_missing_folder_throws()
    {
        Assert.Throws<InvalidKnowledgeException>(() =>
            new FileKnowledgeProvider(Path.Combine(_folder.Root, "missing"), Delay, _time, NullLogger<FileKnowledgeProvider>.Instance));
    }

    [Fact]
    public void Reload_without_changes_still_publishes_a_fresh_snapshot()
    {
        using var provider = Start();
        var before = provider.Current;

        Assert.True(provider.Reload());

        Assert.NotSame(before, provider.Current);
        Assert.Equal(before.Faq.Select(e => e.Id), provider.Current.Faq.Select(e => e.Id));
    }

    /// <summary>The watcher's events come on its own thread: a wait on an event with a generous bound, not a sleep.</summary>
    private static readonly TimeSpan SeenWithin = TimeSpan.FromSeconds(10);

    private static ManualResetEventSlim OnScheduled(FileKnowledgeProvider provider)
    {
        var scheduled = new ManualResetEventSlim();
        provider.ReloadScheduled += (_, _) => scheduled.Set();
        return scheduled;
    }

    [Fact]
    public void Watcher_reloads_after_the_quiet_delay()
    {
        using var provider = Start();
        using var reloaded = new ManualResetEventSlim();
        provider.Reloaded += (_, _) => reloaded.Set();
        using var scheduled = OnScheduled(provider);
        provider.Watch();
        provider.Watch();
        var before = provider.Current;

        EditAlphaTitle("Alpha from the watcher");
        Assert.True(scheduled.Wait(SeenWithin), "the watcher should see the edit");
        _time.Advance(Delay);

        Assert.True(reloaded.IsSet);
        Assert.NotSame(before, provider.Current);
        Assert.Equal("Alpha from the watcher", provider.Current.FindFaq("alpha")!.Title);
    }

    [Fact]
    public void Watcher_does_not_reload_before_the_delay_has_passed()
    {
        using var provider = Start();
        using var scheduled = OnScheduled(provider);
        provider.Watch();
        var before = provider.Current;

        EditAlphaTitle("Alpha too early");
        Assert.True(scheduled.Wait(SeenWithin), "the watcher should see the edit");
        // Any later event of the same save restarts the delay, so it cannot make the reload come sooner.
        _time.Advance(Delay - TimeSpan.FromMilliseconds(1));

        Assert.Same(before, provider.Current);
    }

    [Fact]
    public void Disposing_cancels_a_scheduled_reload()
    {
        var provider = Start();
        using var scheduled = OnScheduled(provider);
        provider.Watch();
        var before = provider.Current;

        EditAlphaTitle("Alpha after dispose");
        Assert.True(scheduled.Wait(SeenWithin), "the watcher should see the edit");
        provider.Dispose();
        _time.Advance(TimeSpan.FromSeconds(5));

        Assert.Same(before, provider.Current);
    }
}
