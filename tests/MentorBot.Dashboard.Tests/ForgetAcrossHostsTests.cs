using MentorBot.Core.Privacy;
using MentorBot.Dashboard.Tests.Support;

namespace MentorBot.Dashboard.Tests;

/// <summary>
/// <c>/forget</c> on one host and <c>/forget confirm</c> on another, both on one private PostgreSQL database: behind a
/// load balancer (Slack or Discord HTTP mode) the two commands may reach different hosts.
/// </summary>
public sealed class ForgetAcrossHostsTests
{
    [Fact]
    public async Task Forget_asked_on_one_host_is_confirmed_on_the_other()
    {
        var database = await SharedDatabase.CreateAsync();
        await using var a = await DashboardHost.StartAsync(SharedDatabase.Settings(database));
        await using var b = await DashboardHost.StartAsync(SharedDatabase.Settings(database));
        Assert.Contains("Checked in", await a.SendAsync("/checkin"), StringComparison.Ordinal);

        Assert.Contains("/forget confirm", await a.SendAsync("/forget"), StringComparison.Ordinal);
        var done = await b.SendAsync("/forget confirm");

        Assert.Contains("Check-ins: 1 deleted.", done, StringComparison.Ordinal);
        // The request was used up: confirming again, on either host, deletes nothing.
        Assert.Contains("Run /forget first", await a.SendAsync("/forget confirm"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Forget_confirmed_on_the_other_host_after_the_window_deletes_nothing()
    {
        var database = await SharedDatabase.CreateAsync();
        await using var a = await DashboardHost.StartAsync(SharedDatabase.Settings(database));
        await using var b = await DashboardHost.StartAsync(SharedDatabase.Settings(database));
        Assert.Contains("Checked in", await a.SendAsync("/checkin"), StringComparison.Ordinal);

        Assert.Contains("/forget confirm", await a.SendAsync("/forget"), StringComparison.Ordinal);
        b.Time.Advance(PrivacyService.ConfirmationWindow + TimeSpan.FromSeconds(1));
        var late = await b.SendAsync("/forget confirm");

        Assert.Contains("more than 5 minutes after /forget", late, StringComparison.Ordinal);
        Assert.Contains("Current: 1 day", await a.SendAsync("/streak"), StringComparison.Ordinal);
    }
}
