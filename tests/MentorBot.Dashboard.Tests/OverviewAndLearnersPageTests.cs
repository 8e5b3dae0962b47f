using System.Net;
using MentorBot.Core.Commands;
using MentorBot.Core.Dashboard;
using MentorBot.Core.Identity;
using MentorBot.Dashboard.Tests.Support;

namespace MentorBot.Dashboard.Tests;

/// <summary>The Overview and Learners pages and the CSV export, against the real host on loopback.</summary>
public sealed class OverviewAndLearnersPageTests
{
    private const string FormulaName = "=HYPERLINK(\"http://evil.example\",\"x\")<script>";

    private static async Task<DashboardClient> SignedInAsync(DashboardHost host)
    {
        var client = host.Client();
        Assert.Equal(HttpStatusCode.Redirect, (await client.SignInAsync(await host.SignInLinkAsync())).Status);
        return client;
    }

    [Fact]
    public async Task The_overview_counts_this_communitys_learners_and_draws_its_charts_as_inline_svg()
    {
        await using var host = await DashboardHost.StartAsync();
        await host.SendAsync("/checkin");
        await host.SendAsync("/subscribe monday 09:00 UTC");
        using var client = await SignedInAsync(host);

        var page = await client.GetAsync("/dashboard");

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Contains("<td id=\"count-learners\">1</td>", page.Html, StringComparison.Ordinal);
        Assert.Contains("<td id=\"count-subscribed\">1</td>", page.Html, StringComparison.Ordinal);
        Assert.Contains("<td id=\"count-active\">1</td>", page.Html, StringComparison.Ordinal);
        Assert.Equal(4, System.Text.RegularExpressions.Regex.Count(page.Html, "<svg "));
        Assert.DoesNotContain("<script", page.Html, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task The_learners_table_encodes_names_the_csv_neutralises_formulas_and_another_community_sees_none_of_them()
    {
        await using var host = await DashboardHost.StartAsync(new Dictionary<string, string?> { ["Console:DisplayName"] = FormulaName });
        await host.SendAsync("/checkin");
        using var client = await SignedInAsync(host);

        var table = await client.GetAsync("/dashboard/learners?q=hyperlink&sort=CurrentStreak&desc=true");
        var csv = await client.GetAsync("/dashboard/learners?handler=Csv");
        var bad = await client.GetAsync("/dashboard/learners?p=0");

        Assert.Equal(HttpStatusCode.OK, table.Status);
        Assert.Contains("1 learner(s)", table.Html, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;", table.Html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>", table.Html, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, csv.Status);
        Assert.StartsWith("text/csv", csv.Header("Content-Type"), StringComparison.Ordinal);
        Assert.Contains("filename=learners.csv", csv.Header("Content-Disposition"), StringComparison.Ordinal);
        Assert.Null(csv.Header("Content-Length")); // streamed, not assembled in memory first
        var row = csv.Html.Split("\r\n")[1];
        Assert.StartsWith("\"'=HYPERLINK(", row, StringComparison.Ordinal);
        Assert.Contains("page number starts at 1", bad.Html, StringComparison.Ordinal);

        var link = await host.Service<DashboardLinks>().IssueAsync(new Actor(new LearnerId("discord", "77"), "Other mod", true), new CommunityId("discord", "900"), default);
        using var other = host.Client();
        await other.SignInAsync(link!);
        var elsewhere = await other.GetAsync("/dashboard/learners");
        Assert.Contains("0 learner(s)", elsewhere.Html, StringComparison.Ordinal);
        Assert.DoesNotContain("HYPERLINK", elsewhere.Html, StringComparison.Ordinal);
    }
}
