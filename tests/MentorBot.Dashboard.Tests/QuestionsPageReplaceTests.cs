using System.Net;
using System.Text.RegularExpressions;
using MentorBot.Core.Dashboard;
using MentorBot.Core.Identity;
using MentorBot.Core.Knowledge;
using MentorBot.Core.Knowledge.Learning;
using MentorBot.Dashboard.Tests.Support;
using MentorBot.Host.Tests.Support;

namespace MentorBot.Dashboard.Tests;

/// <summary>Adding a question to an entry that already has the most phrasings allowed: the moderator picks one it replaces.</summary>
public sealed partial class QuestionsPageReplaceTests
{
    private static readonly CommunityId Console = new("console", "local");
    private const string Question = "are paid credentials from vendors worth the money";

    [Fact]
    public async Task A_full_entry_offers_its_questions_to_replace_and_the_replacement_downloads_or_is_written_and_passes_the_check()
    {
        using var knowledge = new TempFolder();
        TestPaths.CopyTree(TestPaths.BesideApp, knowledge.Path);
        var patcher = new KnowledgePatcher(knowledge.Path);
        for (var n = 1; ; n++)
        {
            var filled = patcher.AddAlternateQuestion("certifications", $"filler phrasing number {n}");
            if (filled.Change is not { } change)
                break;
            File.WriteAllText(Path.Combine(knowledge.Path, "faq", "certifications.md"), change.NewText);
        }
        var questions = Entry(knowledge.Path).Questions;
        Assert.Equal(KnowledgeLimits.MaxQuestions, questions.Count);
        var replaced = questions[^1];
        await using var host = await DashboardHost.StartAsync(new Dictionary<string, string?>
        {
            ["Knowledge:Path"] = knowledge.Path,
            ["Knowledge:Writable"] = "true",
        });
        using var client = host.Client();
        Assert.Equal(HttpStatusCode.Redirect, (await client.SignInAsync(await host.SignInLinkAsync())).Status);
        var page = await client.GetAsync("/dashboard/questions");

        var full = await client.PostAsync("/dashboard/questions?handler=alternate",
            new Dictionary<string, string> { ["entryId"] = "certifications", ["question"] = Question, ["write"] = "true" }, page);
        var refusal = (await host.Service<IDashboardStore>().ListAuditAsync(Console, 1))[0];
        var download = await client.PostAsync("/dashboard/questions?handler=alternate",
            new Dictionary<string, string> { ["entryId"] = "certifications", ["question"] = Question, ["replacing"] = replaced }, full);
        var written = await client.PostAsync("/dashboard/questions?handler=alternate",
            new Dictionary<string, string> { ["entryId"] = "certifications", ["question"] = Question, ["replacing"] = replaced, ["write"] = "true" }, full);
        var writtenAudit = (await host.Service<IDashboardStore>().ListAuditAsync(Console, 1))[0];

        Assert.Contains("class=\"message refusal\"", full.Html, StringComparison.Ordinal);
        Assert.Contains("Replace an alternate question of certifications", full.Html, StringComparison.Ordinal);
        Assert.Equal(questions.Select(WebUtility.HtmlEncode), ReplaceOption().Matches(full.Html).Select(m => m.Groups[1].Value));
        Assert.Contains($"<input type=\"hidden\" name=\"question\" value=\"{Question}\">", full.Html, StringComparison.Ordinal);
        Assert.Equal(("question-alternate", true), (refusal.Action, refusal.Detail.StartsWith("refused", StringComparison.Ordinal)));
        Assert.StartsWith("text/x-diff", download.Header("Content-Type"), StringComparison.Ordinal);
        Assert.Contains("\n-  - " + replaced + "\n+  - " + Question + "\n", download.Html, StringComparison.Ordinal);
        Assert.Contains("class=\"message success\"", written.Html, StringComparison.Ordinal);
        Assert.Equal("question-alternate", writtenAudit.Action);
        Assert.StartsWith($"written: Replace the alternate question \"{replaced}\" of certifications", writtenAudit.Detail, StringComparison.Ordinal);
        var loaded = KnowledgeLoader.Load(knowledge.Path);
        Assert.True(loaded.IsValid, string.Join("\n", loaded.Problems));
        Assert.Equal(questions.Take(questions.Count - 1).Append(Question), Entry(knowledge.Path).Questions);
    }

    private static FaqEntry Entry(string root) => KnowledgeLoader.Load(root).Knowledge!.Faq.Single(e => e.Id == "certifications");

    [GeneratedRegex("<input type=\"radio\" name=\"replacing\" value=\"([^\"]*)\" required>")]
    private static partial Regex ReplaceOption();
}
