using System.Net;
using MentorBot.Core.Dashboard;
using MentorBot.Dashboard.Sessions;
using MentorBot.Dashboard.Tests.Support;

namespace MentorBot.Dashboard.Tests;

/// <summary>Sign-in through the real host on loopback: the console's /dashboard link, opened by an HTTP client.</summary>
public sealed class SignInTests
{
    private static Dictionary<string, string> Token(Uri link) => new() { ["token"] = DashboardClient.TokenOf(link) };

    [Fact]
    public async Task The_console_link_opens_a_continue_page_that_signs_in_with_a_strict_httponly_cookie()
    {
        await using var host = await DashboardHost.StartAsync();
        using var client = host.Client();
        var link = await host.SignInLinkAsync();
        Assert.Equal(host.BaseAddress.Authority, link.Authority);

        var continuePage = await client.GetAsync(link.PathAndQuery);
        Assert.Equal(HttpStatusCode.OK, continuePage.Status);
        Assert.Contains("Continue to the dashboard", continuePage.Html, StringComparison.Ordinal);
        // Opening the link (as a chat app's preview does) started nothing.
        Assert.DoesNotContain(DashboardCookie.Name + "=", continuePage.Header("Set-Cookie") ?? "", StringComparison.Ordinal);

        var signedIn = await client.PostAsync("/dashboard/signin", Token(link), continuePage);

        Assert.Equal(HttpStatusCode.Redirect, signedIn.Status);
        var cookie = signedIn.Header("Set-Cookie")!;
        Assert.Contains(DashboardCookie.Name + "=", cookie, StringComparison.Ordinal);
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=strict", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("path=/dashboard", cookie, StringComparison.OrdinalIgnoreCase);
        // A relative lifetime: the host's (fake) clock is behind this client's, and an Expires date from it would have
        // been in the past here, so the client would have dropped the cookie on arrival.
        Assert.Contains($"max-age={(int)DashboardOptions.SessionLifetime.TotalSeconds}", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("expires=", cookie, StringComparison.OrdinalIgnoreCase);
        var home = await client.GetAsync("/dashboard");
        Assert.Equal(HttpStatusCode.OK, home.Status);
        Assert.Contains("console:local", home.Html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_link_used_after_ten_minutes_is_refused_and_signs_no_one_in()
    {
        await using var host = await DashboardHost.StartAsync();
        using var client = host.Client();
        var link = await host.SignInLinkAsync();
        var continuePage = await client.GetAsync(link.PathAndQuery);

        host.Time.Advance(DashboardOptions.SignInLifetime);
        var late = await client.PostAsync("/dashboard/signin", Token(link), continuePage);
        var reopened = await client.GetAsync(link.PathAndQuery);

        Assert.Equal(HttpStatusCode.Gone, late.Status);
        Assert.Contains("This link has expired", late.Html, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Gone, reopened.Status);
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/dashboard")).Status);
    }

    [Fact]
    public async Task A_link_works_once_even_from_another_browser()
    {
        await using var host = await DashboardHost.StartAsync();
        using var first = host.Client();
        using var second = host.Client();
        var link = await host.SignInLinkAsync();

        Assert.Equal(HttpStatusCode.Redirect, (await first.SignInAsync(link)).Status);
        var again = await second.SignInAsync(link);

        Assert.Equal(HttpStatusCode.Gone, again.Status);
        Assert.Contains("already used", again.Html, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Unauthorized, (await second.GetAsync("/dashboard/challenges")).Status);
    }

    [Fact]
    public async Task A_forged_signature_is_refused_on_opening_and_on_continuing()
    {
        await using var host = await DashboardHost.StartAsync();
        using var client = host.Client();
        var link = await host.SignInLinkAsync();
        var token = DashboardClient.TokenOf(link);
        var forged = token[..^3] + (token[^3] == 'A' ? "BBB" : "AAA");
        var valid = await client.GetAsync(link.PathAndQuery);

        var opened = await client.GetAsync("/dashboard/signin?token=" + Uri.EscapeDataString(forged));
        var posted = await client.PostAsync("/dashboard/signin", new Dictionary<string, string> { ["token"] = forged }, valid);

        Assert.Equal(HttpStatusCode.BadRequest, opened.Status);
        Assert.Contains("was not made by this bot", opened.Html, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, posted.Status);
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/dashboard")).Status);
        // The real link was not spent by the forgery.
        Assert.Equal(HttpStatusCode.Redirect, (await client.SignInAsync(link)).Status);
    }

    [Fact]
    public async Task A_learner_who_is_not_a_moderator_gets_no_link()
    {
        await using var host = await DashboardHost.StartAsync(new Dictionary<string, string?> { ["Console:IsModerator"] = "false" });

        var reply = await host.SendAsync("/dashboard");

        Assert.Contains("Only moderators can use /dashboard", reply, StringComparison.Ordinal);
        Assert.DoesNotContain("token=", reply, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_session_ends_after_eight_hours()
    {
        await using var host = await DashboardHost.StartAsync();
        using var client = host.Client();
        await client.SignInAsync(await host.SignInLinkAsync());

        host.Time.Advance(DashboardOptions.SessionLifetime - TimeSpan.FromSeconds(1));
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/dashboard")).Status);
        host.Time.Advance(TimeSpan.FromSeconds(1));
        var after = await client.GetAsync("/dashboard");

        Assert.Equal(HttpStatusCode.Unauthorized, after.Status);
        Assert.Contains("Run <strong>/dashboard</strong>", after.Html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Sign_out_ends_this_session_and_sign_out_everywhere_ends_all_of_them()
    {
        await using var host = await DashboardHost.StartAsync();
        using var laptop = host.Client();
        using var phone = host.Client();
        using var tablet = host.Client();
        await laptop.SignInAsync(await host.SignInLinkAsync());
        await phone.SignInAsync(await host.SignInLinkAsync());
        await tablet.SignInAsync(await host.SignInLinkAsync());

        var home = await laptop.GetAsync("/dashboard");
        Assert.Equal(HttpStatusCode.OK, (await laptop.PostAsync("/dashboard/signout", new Dictionary<string, string>(), home)).Status);
        Assert.Equal(HttpStatusCode.Unauthorized, (await laptop.GetAsync("/dashboard")).Status);
        Assert.Equal(HttpStatusCode.OK, (await phone.GetAsync("/dashboard")).Status);

        var phoneHome = await phone.GetAsync("/dashboard");
        await phone.PostAsync("/dashboard/signout?handler=everywhere", new Dictionary<string, string>(), phoneHome);

        Assert.Equal(HttpStatusCode.Unauthorized, (await phone.GetAsync("/dashboard")).Status);
        Assert.Equal(HttpStatusCode.Unauthorized, (await tablet.GetAsync("/dashboard")).Status);
        var audit = await host.Service<IDashboardStore>().ListAuditAsync(new("console", "local"), 10);
        Assert.Equal(["sign-out-everywhere", "sign-out", "sign-in", "sign-in", "sign-in"], audit.Select(a => a.Action));
    }

    [Fact]
    public async Task Sign_in_requests_from_one_address_are_rate_limited()
    {
        await using var host = await DashboardHost.StartAsync(new Dictionary<string, string?> { ["Dashboard:SignInPermitsPerMinute"] = "3" });
        using var client = host.Client();
        var link = await host.SignInLinkAsync();

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 4; i++)
            statuses.Add((await client.GetAsync(link.PathAndQuery)).Status);

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests], statuses);
        // Only the sign-in path is limited.
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/dashboard")).Status);
    }

    [Fact]
    public async Task Without_a_public_address_a_chat_platform_host_has_no_dashboard()
    {
        // Console:Enabled=false and no platform: not a console-only host, and no Dashboard:PublicBaseUrl.
        await using var host = await DashboardHost.StartAsync(new Dictionary<string, string?> { ["Console:Enabled"] = "false" });
        using var client = host.Client();

        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/dashboard/signin?token=x")).Status);
        Assert.Null(host.App.Services.GetService(typeof(DashboardLinks)));
    }
}
