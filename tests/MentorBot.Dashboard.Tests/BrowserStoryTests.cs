using MentorBot.Dashboard.Tests.Support;
using MentorBot.Host.Tests.Support;
using OpenQA.Selenium;
using OpenQA.Selenium.Chrome;

namespace MentorBot.Dashboard.Tests;

/// <summary>
/// One moderator's story in a real browser (headless Chromium): the console issues a link, the browser opens it and
/// continues, posts a challenge through the form, and the console lists it. A screenshot of each page goes to
/// <c>screenshots/</c> beside the test assembly, or to the folder <c>MENTORBOT_DASHBOARD_SCREENSHOTS</c> names (set it
/// to <c>docs/images/dashboard</c> to refresh the documentation's pictures). Skipped, with the reason, where Chromium or
/// its driver is not installed.
/// </summary>
public sealed class BrowserStoryTests
{
    private const string Payload = "<script>window.pwned = 1</script>Todo API";

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
