using System.Net;
using MentorBot.Core.Challenges;
using MentorBot.Core.Commands;
using MentorBot.Core.Dashboard;
using MentorBot.Core.Identity;
using MentorBot.Dashboard.Tests.Support;

namespace MentorBot.Dashboard.Tests;

/// <summary>The Challenges and Delivery pages, community scoping and the page-wide security measures.</summary>
public sealed class ChallengesPageTests
{
    private static readonly CommunityId Console = new("console", "local");
    private static readonly CommunityId OtherGuild = new("discord", "900");

    private static Dictionary<string, string> PostFields(string title, string due = "2099-01-31") =>
        new() { ["title"] = title, ["description"] = "Build a small API.", ["due"] = due };

    private static async Task<DashboardClient> SignedInAsync(DashboardHost host)
    {
        var client = host.Client();
        Assert.Equal(HttpStatusCode.Redirect, (await client.SignInAsync(await host.SignInLinkAsync())).Status);
        return client;
    }

    /// <summary>A session for a moderator of another community, from a link the host itself issued for it.</summary>
    private static async Task<DashboardClient> SignedInElsewhereAsync(DashboardHost host)
    {
        var link = await host.Service<DashboardLinks>().IssueAsync(new Actor(new LearnerId("discord", "77"), "Other mod", true), OtherGuild, default);
        var client = host.Client();
        Assert.Equal(HttpStatusCode.Redirect, (await client.SignInAsync(link!)).Status);
        return client;
    }

    [Fact]
    public async Task A_challenge_posted_on_the_web_is_stored_announced_like_the_command_and_listed_on_the_console()
    {
        await using var host = await DashboardHost.StartAsync(new Dictionary<string, string?> { ["Delivery:AnnouncementChannels:console:local"] = "general" });
        using var client = await SignedInAsync(host);

        var page = await client.GetAsync("/dashboard/challenges");
        var posted = await client.PostAsync("/dashboard/challenges?handler=post", PostFields("Todo API"), page);
        var webAnnouncement = await host.NextConsoleMessageAsync();
        // The console prints a command's announcement before its reply.
        var commandAnnouncement = await host.SendAsync("/challenge post title:Second description:Build a small API. due:2099-01-31");
        Assert.StartsWith("New challenge #2: Second", await host.NextConsoleMessageAsync(), StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.OK, posted.Status);
        Assert.Contains("New challenge #1: Todo API", posted.Html, StringComparison.Ordinal);
        Assert.StartsWith("[announcement]\nNew challenge #1: Todo API", webAnnouncement, StringComparison.Ordinal);
        Assert.Equal(commandAnnouncement.Replace("#2: Second", "#1: Todo API", StringComparison.Ordinal).Replace("id:2", "id:1", StringComparison.Ordinal), webAnnouncement);
        Assert.Contains("#1 Todo API", await host.SendAsync("/challenge list"), StringComparison.Ordinal);
        var stored = await host.Service<IChallengeStore>().GetAsync(1);
        Assert.Equal(Console, stored!.Community);
        Assert.Equal(new LearnerId("console", "local"), stored.PostedBy);
    }

    [Fact]
    public async Task The_form_refuses_what_the_command_refuses_and_stores_nothing()
    {
        await using var host = await DashboardHost.StartAsync();
        using var client = await SignedInAsync(host);
        var page = await client.GetAsync("/dashboard/challenges");

        var past = await client.PostAsync("/dashboard/challenges?handler=post", PostFields("Old", due: "2020-01-01"), page);
        var tooLong = await client.PostAsync("/dashboard/challenges?handler=post", PostFields(new string('x', ChallengeService.MaxTitleLength + 1)), page);
        var commandReply = await host.SendAsync("/challenge post title:Old description:Build due:2020-01-01");

        Assert.Contains("in the past", past.Html, StringComparison.Ordinal);
        Assert.Contains("in the past", commandReply, StringComparison.Ordinal);
        Assert.Contains("Title is too long (101 characters)", tooLong.Html, StringComparison.Ordinal);
        Assert.Empty(await host.Service<IChallengeStore>().ListAsync(Console, includeClosed: true));
    }

    [Fact]
    public async Task A_script_in_a_challenge_title_is_encoded_wherever_it_is_shown()
    {
        await using var host = await DashboardHost.StartAsync();
        using var client = await SignedInAsync(host);
        const string title = "<script>alert('x')</script>";

        var posted = await client.PostAsync("/dashboard/challenges?handler=post", PostFields(title), await client.GetAsync("/dashboard/challenges"));
        var list = await client.GetAsync("/dashboard/challenges");
        var detail = await client.GetAsync("/dashboard/challenge/1");
        var audit = await client.GetAsync("/dashboard/audit");

        foreach (var html in new[] { posted.Html, list.Html, detail.Html, audit.Html })
        {
            Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
            Assert.Contains("&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt;", html, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task A_post_without_an_antiforgery_token_is_refused_and_changes_nothing()
    {
        await using var host = await DashboardHost.StartAsync();
        using var client = await SignedInAsync(host);

        var forgedPost = await client.PostAsync("/dashboard/challenges?handler=post", PostFields("CSRF"), from: null);
        var forgedSignOut = await client.PostAsync("/dashboard/signout?handler=everywhere", new Dictionary<string, string>(), from: null);

        Assert.Equal(HttpStatusCode.BadRequest, forgedPost.Status);
        Assert.Equal(HttpStatusCode.BadRequest, forgedSignOut.Status);
        Assert.Empty(await host.Service<IChallengeStore>().ListAsync(Console, includeClosed: true));
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/dashboard")).Status);
    }

    [Fact]
    public async Task A_session_of_another_community_can_neither_read_nor_close_nor_post_into_this_ones_challenges()
    {
        await using var host = await DashboardHost.StartAsync();
        await host.SendAsync("/challenge post title:Console only description:Build it due:2099-01-31");
        await host.Service<IChallengeStore>().UpsertSubmissionAsync(
            new ChallengeSubmission(1, new LearnerId("console", "local"), "Ada", "https://example.org/secret-work", DashboardHost.Start));
        using var other = await SignedInElsewhereAsync(host);

        var list = await other.GetAsync("/dashboard/challenges?community=console:local");
        var detail = await other.GetAsync("/dashboard/challenge/1");
        var close = await other.PostAsync("/dashboard/challenges?handler=close", new Dictionary<string, string> { ["id"] = "1", ["community"] = "console:local" }, list);
        var post = await other.PostAsync("/dashboard/challenges?handler=post", new Dictionary<string, string>(PostFields("Mine")) { ["community"] = "console:local" }, list);

        Assert.Equal(HttpStatusCode.OK, list.Status);
        Assert.DoesNotContain("Console only", list.Html, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, detail.Status);
        Assert.DoesNotContain("secret-work", detail.Html, StringComparison.Ordinal);
        Assert.Contains("There is no challenge #1 in this community", close.Html, StringComparison.Ordinal);
        Assert.Null((await host.Service<IChallengeStore>().GetAsync(1))!.ClosedAt);
        Assert.Contains("New challenge #2: Mine", post.Html, StringComparison.Ordinal);
        Assert.Equal(OtherGuild, (await host.Service<IChallengeStore>().GetAsync(2))!.Community);
        Assert.Equal(["Console only"], (await host.Service<IChallengeStore>().ListAsync(Console, includeClosed: true)).Select(c => c.Title));
        Assert.DoesNotContain("Mine", await host.SendAsync("/challenge list"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Closing_shows_the_submissions_and_links_only_http_and_https_with_rel_noopener_nofollow_ugc()
    {
        await using var host = await DashboardHost.StartAsync();
        await host.SendAsync("/challenge post title:Links description:Build it due:2099-01-31");
        var store = host.Service<IChallengeStore>();
        await store.UpsertSubmissionAsync(new ChallengeSubmission(1, new LearnerId("console", "a"), "Ann", "https://example.org/work?a=1&b=2", DashboardHost.Start));
        // Not something /challenge submit accepts, but a row written by an older version or by hand must still be inert.
        await store.UpsertSubmissionAsync(new ChallengeSubmission(1, new LearnerId("console", "b"), "Ben", "javascript:alert(1)", DashboardHost.Start));
        using var client = await SignedInAsync(host);

        var detail = await client.GetAsync("/dashboard/challenge/1");
        var closed = await client.PostAsync("/dashboard/challenges?handler=close", new Dictionary<string, string> { ["id"] = "1" }, await client.GetAsync("/dashboard/challenges"));

        Assert.Contains("<a href=\"https://example.org/work?a=1&amp;b=2\" rel=\"noopener nofollow ugc\">", detail.Html, StringComparison.Ordinal);
        Assert.Contains("<span>javascript:alert(1)</span>", detail.Html, StringComparison.Ordinal);
        Assert.DoesNotContain("href=\"javascript", detail.Html, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("Challenge #1 closed: Links", closed.Html, StringComparison.Ordinal);
        Assert.NotNull((await store.GetAsync(1))!.ClosedAt);
        var audit = await host.Service<IDashboardStore>().ListAuditAsync(Console, 1);
        Assert.Equal("challenge-close", audit[0].Action);
        Assert.Equal("Mod <b>Ada</b>", audit[0].DisplayName);
        Assert.Equal(new LearnerId("console", "local"), audit[0].Moderator);
    }

    [Fact]
    public async Task Every_dashboard_response_carries_the_security_headers()
    {
        await using var host = await DashboardHost.StartAsync();
        using var client = await SignedInAsync(host);
        using var stranger = host.Client();

        var pages = new[]
        {
            await client.GetAsync("/dashboard"), await client.GetAsync("/dashboard/challenges"), await client.GetAsync("/dashboard/delivery"),
            await client.GetAsync("/dashboard/audit"), await client.GetAsync("/dashboard/learners"), await client.GetAsync("/dashboard/questions"), await stranger.GetAsync("/dashboard/challenges"), await stranger.GetAsync("/dashboard/signin?token=bad"),
        };

        foreach (var page in pages)
        {
            Assert.StartsWith("default-src 'self'", page.Header("Content-Security-Policy"), StringComparison.Ordinal);
            Assert.Contains("frame-ancestors 'none'", page.Header("Content-Security-Policy"), StringComparison.Ordinal);
            Assert.Equal("nosniff", page.Header("X-Content-Type-Options"));
            Assert.Equal("no-referrer", page.Header("Referrer-Policy"));
        }
        Assert.Equal(HttpStatusCode.Unauthorized, pages[6].Status);
        // No inline script or style anywhere: the policy would block it, and nothing needs it.
        Assert.All(pages, p => Assert.DoesNotContain("<script", p.Html, StringComparison.OrdinalIgnoreCase));
        Assert.All(pages, p => Assert.DoesNotContain("style=", p.Html, StringComparison.OrdinalIgnoreCase));
        var css = await client.GetAsync("/dashboard/assets/dashboard.css");
        Assert.Equal(HttpStatusCode.OK, css.Status);
        Assert.Equal("text/css; charset=utf-8", css.Header("Content-Type"));
    }

    [Fact]
    public async Task The_delivery_page_shows_what_schedule_preview_and_log_answer()
    {
        await using var host = await DashboardHost.StartAsync();
        await host.SendAsync("/subscribe wednesday 18:00 UTC");
        using var client = await SignedInAsync(host);

        var page = await client.GetAsync("/dashboard/delivery");
        var preview = await host.SendAsync("/schedule preview");

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Contains("Upcoming deliveries", page.Html, StringComparison.Ordinal);
        Assert.Contains("Upcoming deliveries", preview, StringComparison.Ordinal);
        Assert.Contains("2026-12-02 18:00 UTC", preview, StringComparison.Ordinal);
        Assert.Contains("2026-12-02 18:00 UTC", page.Html, StringComparison.Ordinal);
        Assert.Contains("Recent deliveries", page.Html, StringComparison.Ordinal);
    }
}
