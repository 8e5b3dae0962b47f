using System.Text.Json;
using MentorBot.Core.Knowledge;
using MentorBot.Host.Tests.Support;

namespace MentorBot.Host.Tests;

/// <summary>The running host picks up edits to its knowledge folder, and keeps the last good version on a bad edit.</summary>
public sealed class KnowledgeReloadTests : IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task An_edited_answer_and_a_new_entry_go_live_and_an_invalid_edit_is_ignored()
    {
        var root = _temp.Combine("knowledge");
        TestPaths.CopyTree(TestPaths.RepoKnowledge, root);
        var shipped = Directory.GetFiles(Path.Combine(root, "faq"), "*.md").Length;
        await using var host = await ConsoleHost.StartAsync(_temp.DatabasePath, new Dictionary<string, string?>
        {
            ["Knowledge:Path"] = root,
            ["Knowledge:ReloadDelay"] = "00:00:00.100",
        });
        var provider = host.Service<FileKnowledgeProvider>();
        Assert.DoesNotContain("(edited by a test)", await host.SendAsync("/faq do I need a CS degree"), StringComparison.Ordinal);

        var file = Path.Combine(root, "faq", "degree-required.md");
        var original = await File.ReadAllTextAsync(file);
        var edited = original.Replace("**No, a degree is not mandatory.**", "**No, a degree is not mandatory (edited by a test).**", StringComparison.Ordinal);
        Assert.NotEqual(original, edited);
        await WhenReloadedAsync(provider, root, () => File.WriteAllText(file, edited),
            k => k.FindFaq("degree-required")?.Answer.Contains("(edited by a test)", StringComparison.Ordinal) == true);
        Assert.Contains("(edited by a test)", await host.SendAsync("/faq do I need a CS degree"), StringComparison.Ordinal);

        var extra = Path.Combine(root, "faq", "rubber-duck.md");
        await WhenReloadedAsync(provider, root, () => File.WriteAllText(extra, """
            ---
            id: rubber-duck
            title: What is rubber duck debugging?
            questions:
              - how does rubber duck debugging work
              - why explain code to a rubber duck
              - what is the rubber duck method for finding bugs
            tags: [duck, debugging]
            sources:
              - "a test"
            ---
            Explain your code, line by line, to a rubber duck. Saying it out loud shows you the bug.

            Sources: a test.
            """.Replace("\r\n", "\n", StringComparison.Ordinal)), k => k.FindFaq("rubber-duck") is not null);
        Assert.StartsWith("What is rubber duck debugging?", await host.SendAsync("/faq how does rubber duck debugging work"), StringComparison.Ordinal);
        Assert.Equal(shipped + 1, await FaqEntriesAsync(host));

        // A broken edit is rejected: the last good snapshot keeps answering. Waiting for the rejection itself, not a
        // pause after which "nothing changed" would also hold if the watcher had not looked yet.
        const string broken = "---\nid: degree-required\n---\n";
        var rejected = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        provider.ReloadRejected += (_, _) =>
        {
            // A rejection left over from an earlier save step does not count: the broken file must be what was refused.
            if (File.ReadAllText(file) == broken)
                rejected.TrySetResult();
        };
        await File.WriteAllTextAsync(file, broken);
        await rejected.Task.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.NotNull(provider.Current.FindFaq("rubber-duck"));
        Assert.Contains("(edited by a test)", await host.SendAsync("/faq do I need a CS degree"), StringComparison.Ordinal);
        Assert.Equal(shipped + 1, await FaqEntriesAsync(host));

        await host.EndInputAsync(TimeSpan.FromSeconds(5));
    }

    /// <summary>
    /// Makes the edit and waits for the reload that <paramref name="shows"/> it. Editors (and File.WriteAllText) save in
    /// more than one step, so a reload may come from an earlier step or from the previous edit; only one whose snapshot
    /// holds the edit counts, and later reloads of the same files change nothing.
    /// </summary>
    private static async Task WhenReloadedAsync(FileKnowledgeProvider provider, string root, Action edit, Func<KnowledgeBase, bool> shows)
    {
        var reloaded = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        void OnReloaded(object? sender, EventArgs e)
        {
            if (shows(provider.Current))
                reloaded.TrySetResult();
        }
        provider.Reloaded += OnReloaded;
        try
        {
            var before = provider.Current;
            edit();
            try
            {
                await reloaded.Task.WaitAsync(TimeSpan.FromSeconds(5));
            }
            catch (TimeoutException)
            {
                var problems = string.Join("\n", KnowledgeLoader.Load(root).Problems);
                throw new TimeoutException($"No reload within 5 s (snapshot changed: {!ReferenceEquals(before, provider.Current)}). Problems:\n{problems}");
            }
        }
        finally
        {
            provider.Reloaded -= OnReloaded;
        }
    }

    private static async Task<int> FaqEntriesAsync(ConsoleHost host)
    {
        using var client = new HttpClient { BaseAddress = new Uri(Assert.Single(host.App.Urls)), Timeout = TimeSpan.FromSeconds(10) };
        using var json = JsonDocument.Parse(await client.GetStringAsync(new Uri("/healthz", UriKind.Relative)));
        return json.RootElement.GetProperty("knowledge").GetProperty("faqEntries").GetInt32();
    }
}
