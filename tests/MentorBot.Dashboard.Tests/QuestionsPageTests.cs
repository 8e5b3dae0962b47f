using System.Net;
using MentorBot.Core.Dashboard;
using MentorBot.Core.Faq;
using MentorBot.Core.Identity;
using MentorBot.Dashboard.Tests.Support;
using MentorBot.Host.Tests.Support;
using MentorBot.Testing;

namespace MentorBot.Dashboard.Tests;

/// <summary>The Questions page: what the bot declined, grouped, and the two ways to teach it from there.</summary>
public sealed class QuestionsPageTests
{
    private static readonly CommunityId Console = new("console", "local");

    // Out of the certifications entry's words: with the embedding model off the lexical engine declines it.
    private const string Question = "are paid credentials from vendors worth the money";

    private static async Task<DashboardClient> SignedInAsync(DashboardHost host)
    {
        var client = host.Client();
        Assert.Equal(HttpStatusCode.Redirect, (await client.SignInAsync(await host.SignInLinkAsync())).Status);
        return client;
    }

    private static Dictionary<string, string> AlternateFields(bool write) => write
        ? new() { ["entryId"] = "certifications", ["question"] = Question, ["write"] = "true" }
        : new() { ["entryId"] = "certifications", ["question"] = Question };

    /// <summary>Asks on the console, then waits until the question log's background write shows it on the page.</summary>
    private static async Task<DashboardClient.Page> AskedAndListedAsync(DashboardHost host, DashboardClient client)
    {
        var declined = await host.SendAsync("/faq " + Question);
        Assert.Null(host.Service<IFaqService>().Ask(Question).Entry);
        DashboardClient.Page? page = null;
        await Wait.UntilAsync(async () =>
        {
            page = await client.GetAsync("/dashboard/questions");
            return page.Html.Contains(Question, StringComparison.Ordinal);
        }, "the declined question on the Questions page");
        Assert.DoesNotContain("certifications", declined.Split('\n')[0], StringComparison.OrdinalIgnoreCase);
        return page!;
    }

    [Fact]
    public async Task A_question_the_console_declines_is_listed_with_its_group_and_the_entry_preselected()
    {
        await using var host = await DashboardHost.StartAsync();
        using var client = await SignedInAsync(host);

        var page = await AskedAndListedAsync(host, client);

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Contains("<h2>" + Question + "</h2>", page.Html, StringComparison.Ordinal);
        Assert.Contains("Asked 1 time(s).", page.Html, StringComparison.Ordinal);
        Assert.Contains("<option value=\"certifications\"", page.Html, StringComparison.Ordinal);
        Assert.Contains("href=\"/dashboard/questions\"", page.Html, StringComparison.OrdinalIgnoreCase);
        // Writing is off by default, so there is nothing to tick.
        Assert.DoesNotContain("write into the knowledge folder", page.Html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_writable_knowledge_adding_an_alternate_downloads_the_patch_and_changes_nothing()
    {
        await using var host = await DashboardHost.StartAsync();
        using var client = await SignedInAsync(host);
        var page = await AskedAndListedAsync(host, client);
        var before = File.ReadAllText(Path.Combine(TestPaths.BesideApp, "faq", "certifications.md"));

        var posted = await client.PostAsync("/dashboard/questions?handler=alternate", AlternateFields(write: false), page);

        Assert.Equal(HttpStatusCode.OK, posted.Status);
        Assert.StartsWith("text/x-diff", posted.Header("Content-Type"), StringComparison.Ordinal);
        Assert.Contains("certifications.patch", posted.Header("Content-Disposition"), StringComparison.Ordinal);
        Assert.Contains("+  - " + Question, posted.Html, StringComparison.Ordinal);
        Assert.Equal(before, File.ReadAllText(Path.Combine(TestPaths.BesideApp, "faq", "certifications.md")));
        var audit = await host.Service<IDashboardStore>().ListAuditAsync(Console, 1);
        Assert.Equal("question-alternate", audit[0].Action);
    }

    [Fact]
    public async Task With_writable_knowledge_an_alternate_written_from_the_page_makes_the_console_answer_it()
    {
        using var knowledge = new TempFolder();
        TestPaths.CopyTree(TestPaths.BesideApp, knowledge.Path);
        await using var host = await DashboardHost.StartAsync(new Dictionary<string, string?>
        {
            ["Knowledge:Path"] = knowledge.Path,
            ["Knowledge:Writable"] = "true",
        });
        using var client = await SignedInAsync(host);
        var page = await AskedAndListedAsync(host, client);
        Assert.Contains("write into the knowledge folder", page.Html, StringComparison.Ordinal);

        var posted = await client.PostAsync("/dashboard/questions?handler=alternate", AlternateFields(write: true), page);
        // The watcher's quiet period runs on the host's fake clock, so the wait moves it along.
        await Wait.UntilAsync(() =>
        {
            host.Time.Advance(TimeSpan.FromSeconds(1));
            return host.Service<IFaqService>().Ask(Question).Entry?.Id == "certifications";
        }, "the knowledge reload with the new alternate question");
        var answer = await host.SendAsync("/faq " + Question);

        Assert.Equal(HttpStatusCode.OK, posted.Status);
        Assert.Contains("class=\"message success\"", posted.Html, StringComparison.Ordinal);
        Assert.Contains("  - " + Question + "\n", File.ReadAllText(Path.Combine(knowledge.Path, "faq", "certifications.md")), StringComparison.Ordinal);
        Assert.Contains(host.Service<IFaqService>().Ask(Question).Entry!.Title, answer, StringComparison.Ordinal);
        var audit = await host.Service<IDashboardStore>().ListAuditAsync(Console, 1);
        Assert.Equal("question-alternate", audit[0].Action);
        Assert.StartsWith("written: ", audit[0].Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_refused_change_is_shown_audited_and_writes_nothing_and_a_draft_downloads_as_a_new_entry()
    {
        using var knowledge = new TempFolder();
        TestPaths.CopyTree(TestPaths.BesideApp, knowledge.Path);
        var file = Path.Combine(knowledge.Path, "faq", "certifications.md");
        var before = File.ReadAllText(file);
        await using var host = await DashboardHost.StartAsync(new Dictionary<string, string?>
        {
            ["Knowledge:Path"] = knowledge.Path,
            ["Knowledge:Writable"] = "true",
        });
        using var client = await SignedInAsync(host);
        var page = await AskedAndListedAsync(host, client);

        var existing = await client.PostAsync("/dashboard/questions?handler=alternate", new Dictionary<string, string>
        {
            ["entryId"] = "certifications", ["question"] = "Which certifications should a backend developer get?", ["write"] = "true",
        }, page);
        var refusalAudit = (await host.Service<IDashboardStore>().ListAuditAsync(Console, 1))[0];
        var draft = await client.PostAsync("/dashboard/questions?handler=draft", new Dictionary<string, string> { ["questions"] = Question }, page);

        Assert.Equal(HttpStatusCode.OK, existing.Status);
        Assert.Contains("class=\"message refusal\"", existing.Html, StringComparison.Ordinal);
        Assert.Equal(before, File.ReadAllText(file));
        Assert.Equal("question-alternate", refusalAudit.Action);
        Assert.StartsWith("refused", refusalAudit.Detail, StringComparison.Ordinal);
        Assert.StartsWith("text/x-diff", draft.Header("Content-Type"), StringComparison.Ordinal);
        Assert.Contains("+draft: true", draft.Html, StringComparison.Ordinal);
        Assert.Contains("+  - " + Question, draft.Html, StringComparison.Ordinal);
        Assert.Equal(Directory.GetFiles(Path.Combine(TestPaths.BesideApp, "faq")).Length, Directory.GetFiles(Path.Combine(knowledge.Path, "faq")).Length);
        Assert.Equal("question-draft", (await host.Service<IDashboardStore>().ListAuditAsync(Console, 1))[0].Action);
    }
}
