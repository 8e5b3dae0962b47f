using MentorBot.Core.Faq;
using MentorBot.Core.Knowledge;
using MentorBot.Dashboard.Tests.Support;
using MentorBot.Host.Tests.Support;
using MentorBot.Testing;
using OpenQA.Selenium;
using OpenQA.Selenium.Chrome;

namespace MentorBot.Dashboard.Tests;

/// <summary>
/// Moderators' stories in a real browser (headless Chromium): the console issues a link, the browser opens it and
/// continues, posts a challenge through the form, and the console lists it; or teaches the bot a question it declined. A screenshot of each page goes to
/// <c>screenshots/</c> beside the test assembly, or to the folder <c>MENTORBOT_DASHBOARD_SCREENSHOTS</c> names (set it
/// to <c>docs/images/dashboard</c> to refresh the documentation's pictures). Skipped, with the reason, where Chromium or
/// its driver is not installed.
/// </summary>
public sealed class BrowserStoryTests
{
    private const string Payload = "<script>window.pwned = 1</script>Todo API";

    // Checked with ask --explain: the engine declines it and suggests the version-control entry, whose questions never say
    // "rebase"; its confidence (0.36 on 2026-12-03) sits far from both the answer threshold and the 0.1 suggestion bar,
    // so a refit of the calibration does not flip it (the question used before sat at 0.08-0.12).
    private const string DeclinedQuestion = "should I rebase my branches or merge them";
    private const string DeclinedEntry = "version-control";

    // A test run must not rewrite tracked files, so the documentation's copies are refreshed only on request.
    private static readonly string Screenshots = Environment.GetEnvironmentVariable("MENTORBOT_DASHBOARD_SCREENSHOTS") is { Length: > 0 } folder
        ? Path.GetFullPath(folder, Path.GetDirectoryName(TestPaths.RepoKnowledge)!)
        : Path.Combine(AppContext.BaseDirectory, "screenshots");

    [SkippableFact]
    public async Task A_moderator_signs_in_from_the_console_posts_a_challenge_and_the_console_lists_it()
    {
        Skip.If(Chromium.Missing is not null, Chromium.Missing);
        Directory.CreateDirectory(Screenshots);
        await using var host = await DashboardHost.StartAsync(new Dictionary<string, string?> { ["Console:DisplayName"] = "Ada" });
        await host.SendAsync("/subscribe wednesday 18:00 UTC");
        await host.SendAsync("/checkin first day");
        await host.SendAsync("/challenge post title:Rate limiter description:Add a token bucket to your API. due:2099-01-15");
        using var browser = Chromium.Start();

        browser.Navigate().GoToUrl((await host.SignInLinkAsync()).AbsoluteUri);
        AssertHeading(browser, "Continue to the dashboard");
        Save(browser, "1-continue");
        browser.FindElement(By.CssSelector("form button[type=submit]")).Click();
        AssertHeading(browser, "Overview");
        Assert.EndsWith("/dashboard", browser.Url, StringComparison.Ordinal);
        Assert.Contains("console:local", browser.FindElement(By.TagName("main")).Text, StringComparison.Ordinal);
        Assert.Equal("1", browser.FindElement(By.Id("count-active")).Text);
        Assert.Equal(4, browser.FindElements(By.CssSelector("figure.chart svg")).Count);
        Save(browser, "2a-overview");
        browser.FindElement(By.LinkText("Learners")).Click();
        AssertHeading(browser, "Learners");
        Assert.Contains("Ada", browser.FindElement(By.Id("learners")).Text, StringComparison.Ordinal);
        Save(browser, "2b-learners");

        browser.FindElement(By.LinkText("Challenges")).Click();
        AssertHeading(browser, "Challenges");
        browser.FindElement(By.Id("title")).SendKeys(Payload);
        browser.FindElement(By.Id("description")).SendKeys("Build a todo API with four endpoints.");
        // A date input's typed format follows the browser's locale; the value property is always yyyy-MM-dd.
        browser.ExecuteScript("document.getElementById('due').value = '2099-01-31';");
        browser.FindElement(By.Id("post-challenge")).Click();

        Assert.Contains("New challenge #2", browser.FindElement(By.CssSelector(".message.success")).Text, StringComparison.Ordinal);
        var shown = browser.FindElements(By.CssSelector("td a.challenge-title")).Select(e => e.Text).ToList();
        Assert.Contains(Payload, shown);
        // The title is text in the DOM: no script element was made, and nothing ran.
        Assert.Equal(0L, browser.ExecuteScript("return document.getElementsByTagName('script').length;"));
        Assert.Equal("undefined", browser.ExecuteScript("return typeof window.pwned;"));
        Save(browser, "3-challenges");

        browser.FindElement(By.LinkText(Payload)).Click();
        Assert.Contains("Submissions (0)", browser.FindElement(By.TagName("main")).Text, StringComparison.Ordinal);
        Save(browser, "4-challenge");
        browser.FindElement(By.LinkText("Delivery")).Click();
        AssertHeading(browser, "Weekly delivery");
        Assert.Contains("Upcoming deliveries", browser.FindElement(By.Id("preview")).Text, StringComparison.Ordinal);
        Save(browser, "5-delivery");
        browser.FindElement(By.LinkText("Audit")).Click();
        AssertHeading(browser, "Audit log");
        Assert.Contains("challenge-post", browser.FindElement(By.TagName("table")).Text, StringComparison.Ordinal);
        Save(browser, "6-audit");

        Assert.Contains("#2 " + Payload, await host.SendAsync("/challenge list"), StringComparison.Ordinal);

        browser.FindElement(By.XPath("//button[text()='Sign out']")).Click();
        AssertHeading(browser, "You are signed out");
        Save(browser, "7-signed-out");
        browser.Navigate().GoToUrl(new Uri(host.BaseAddress, "/dashboard/challenges").AbsoluteUri);
        AssertHeading(browser, "You are not signed in");
    }

    [SkippableFact]
    public async Task A_moderator_adds_a_declined_question_to_its_entry_from_the_questions_page_and_the_console_answers_it()
    {
        Skip.If(Chromium.Missing is not null, Chromium.Missing);
        Directory.CreateDirectory(Screenshots);
        // Writing goes into a copy: the knowledge folder beside the tests (and the repository's) is never modified.
        using var knowledge = new TempFolder();
        TestPaths.CopyTree(TestPaths.BesideApp, knowledge.Path);
        await using var host = await DashboardHost.StartAsync(new Dictionary<string, string?>
        {
            ["Console:DisplayName"] = "Ada",
            ["Knowledge:Path"] = knowledge.Path,
            ["Knowledge:Writable"] = "true",
        });
        var title = host.Service<IKnowledgeProvider>().Current.Faq.Single(e => e.Id == DeclinedEntry).Title;
        var declined = await host.SendAsync("/faq " + DeclinedQuestion);
        Assert.StartsWith("I don't have a confident answer to that yet.", declined, StringComparison.Ordinal);
        Assert.Contains("/faq " + DeclinedEntry, declined, StringComparison.Ordinal);
        using var browser = Chromium.Start();

        browser.Navigate().GoToUrl((await host.SignInLinkAsync()).AbsoluteUri);
        AssertHeading(browser, "Continue to the dashboard");
        browser.FindElement(By.CssSelector("form button[type=submit]")).Click();
        AssertHeading(browser, "Overview");
        browser.FindElement(By.LinkText("Questions")).Click();
        AssertHeading(browser, "Questions");
        // The page flushes the question log when it loads; reloading covers a console reply that came before the log.
        await Wait.UntilAsync(() =>
        {
            if (GroupHeadings(browser).Contains(DeclinedQuestion))
                return true;
            browser.Navigate().Refresh();
            return false;
        }, "the declined question on the Questions page");
        var group = browser.FindElement(By.XPath($"//section[contains(@class,'question-group')][h2[text()='{DeclinedQuestion}']]"));
        Assert.Equal(DeclinedEntry, group.FindElement(By.CssSelector(".suggestion")).Text);
        Assert.Contains("Asked 1 time(s).", group.Text, StringComparison.Ordinal);
        Save(browser, "8-questions");

        var form = group.FindElement(By.XPath(".//form[.//button[text()='Add as alternate question']]"));
        form.FindElement(By.CssSelector($"select[name=entryId] option[value='{DeclinedEntry}']")).Click();
        form.FindElement(By.CssSelector("input[type=checkbox][name=write]")).Click();
        form.FindElement(By.CssSelector("button[type=submit]")).Click();
        AssertHeading(browser, "Questions");
        Assert.StartsWith("Written to ", browser.FindElement(By.CssSelector(".message.success")).Text, StringComparison.Ordinal);
        Save(browser, "9-questions-added");

        // The watcher's quiet period runs on the host's fake clock, so the wait moves it along.
        await Wait.UntilAsync(() =>
        {
            host.Time.Advance(TimeSpan.FromSeconds(1));
            return host.Service<IFaqService>().Ask(DeclinedQuestion).Entry?.Id == DeclinedEntry;
        }, "the knowledge reload with the new alternate question");
        var answered = await host.SendAsync("/faq " + DeclinedQuestion);
        Assert.Equal(title, answered.Split('\n')[0]);
        Assert.Contains("  - " + DeclinedQuestion + "\n", File.ReadAllText(Path.Combine(knowledge.Path, "faq", DeclinedEntry + ".md")), StringComparison.Ordinal);
        Assert.DoesNotContain(DeclinedQuestion, File.ReadAllText(Path.Combine(TestPaths.BesideApp, "faq", DeclinedEntry + ".md")), StringComparison.Ordinal);

        browser.FindElement(By.LinkText("Audit")).Click();
        AssertHeading(browser, "Audit log");
        var newest = browser.FindElement(By.CssSelector("table tbody tr")).Text;
        Assert.Contains("question-alternate", newest, StringComparison.Ordinal);
        Assert.Contains("written: ", newest, StringComparison.Ordinal);
    }

    // Read through a script, so a page without groups answers at once instead of after the driver's implicit wait.
    private static List<string> GroupHeadings(ChromeDriver browser) =>
        ((IReadOnlyCollection<object>)browser.ExecuteScript(
            "return Array.from(document.querySelectorAll('section.question-group h2'), h => h.textContent.trim());")!)
        .Cast<string>().ToList();

    // A click that submits a form can return before the next page is parsed (CI once found no h1 at all right after
    // "Sign out"), so a page's heading is awaited, as a person would wait for the page, rather than read at once.
    private static void AssertHeading(ChromeDriver browser, string expected)
    {
        var waited = System.Diagnostics.Stopwatch.StartNew();
        var seen = "";
        while (waited.Elapsed < TimeSpan.FromSeconds(20))
        {
            var headings = browser.FindElements(By.TagName("h1"));
            try
            {
                seen = headings.Count > 0 ? headings[0].Text : "";
            }
            catch (StaleElementReferenceException)
            {
                seen = "";
            }
            if (seen == expected)
                return;
            Thread.Sleep(50);
        }
        Assert.Fail($"Expected the heading \"{expected}\" at {browser.Url}, saw \"{seen}\"; the page: {browser.PageSource[..Math.Min(browser.PageSource.Length, 2000)]}");
    }

    private static void Save(ChromeDriver browser, string name) =>
        browser.GetScreenshot().SaveAsFile(Path.Combine(Screenshots, name + ".png"));
}
