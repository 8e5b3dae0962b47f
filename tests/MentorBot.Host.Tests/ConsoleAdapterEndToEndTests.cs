using System.Globalization;
using MentorBot.Core.Identity;
using MentorBot.Core.Storage;
using MentorBot.Host.Console;
using MentorBot.Host.Tests.Support;
using MentorBot.Core.Challenges;
using MentorBot.Core.Subscriptions;

namespace MentorBot.Host.Tests;

/// <summary>The whole host in-process: real LiteDB file, real Kestrel on loopback, the console adapter as the chat.</summary>
public sealed class ConsoleAdapterEndToEndTests : IDisposable
{
    private static readonly LearnerId Local = new("console", "local");

    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task A_local_moderator_session_answers_every_command_and_stops_at_end_of_input()
    {
        var due = DateOnly.FromDateTime(TimeProvider.System.GetUtcNow().UtcDateTime).AddDays(30).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        await using var host = await ConsoleHost.StartAsync(_temp.DatabasePath);

        var faq = await host.SendAsync("/faq do I need a CS degree");
        Assert.Contains("degree", faq, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("not mandatory", faq, StringComparison.Ordinal);

        var bare = await host.SendAsync("do I need a CS degree");
        Assert.Equal(faq, bare);

        var first = await host.SendAsync("/checkin");
        Assert.StartsWith("Checked in for ", first, StringComparison.Ordinal);
        Assert.Contains("Streak: 1 day", first, StringComparison.Ordinal);
        var second = await host.SendAsync("/checkin");
        Assert.StartsWith("Already checked in today", second, StringComparison.Ordinal);

        var streak = await host.SendAsync("/streak");
        Assert.StartsWith("Your streak", streak, StringComparison.Ordinal);
        Assert.Contains("Current: 1 day", streak, StringComparison.Ordinal);

        var subscribed = await host.SendAsync("/subscribe friday 18:30 Asia/Kolkata");
        Assert.Contains("Subscribed!", subscribed, StringComparison.Ordinal);
        Assert.Contains("every Friday at 18:30 (Asia/Kolkata)", subscribed, StringComparison.Ordinal);

        var refused = await host.SendAsync("/subscribe monday 09:00 Mars/Olympus");
        Assert.Contains("'Mars/Olympus' isn't a time zone", refused, StringComparison.Ordinal);
        Assert.DoesNotContain("Subscribed", refused, StringComparison.Ordinal);
        AssertFridayKolkata(await host.Service<ISubscriptionStore>().GetAsync(Local));

        var posted = await host.SendAsync($"/challenge post \"URL shortener\" Build one with an API due:{due}");
        Assert.StartsWith("New challenge #1: URL shortener", posted, StringComparison.Ordinal);
        Assert.Contains("Build one with an API", posted, StringComparison.Ordinal);
        Assert.Contains($"Due: {due}", posted, StringComparison.Ordinal);

        var listed = await host.SendAsync("/challenge list");
        Assert.Contains($"#1 URL shortener — due {due} · 0 submissions", listed, StringComparison.Ordinal);

        var submitted = await host.SendAsync("/challenge submit 1 https://example.com/x");
        Assert.Contains("submitted to challenge #1 (URL shortener)", submitted, StringComparison.Ordinal);

        var closed = await host.SendAsync("/challenge close 1");
        Assert.StartsWith("Challenge #1 closed: URL shortener", closed, StringComparison.Ordinal);
        Assert.Contains("you: https://example.com/x", closed, StringComparison.Ordinal);
        Assert.Contains("1 submission", closed, StringComparison.Ordinal);

        var unknown = await host.SendAsync("/nope");
        Assert.Contains("Unknown command 'nope'", unknown, StringComparison.Ordinal);

        var challenges = host.Service<IChallengeStore>();
        var before = await challenges.ListAsync(ConsoleAdapter.Community, includeClosed: true);
        var huge = $"/challenge post \"Huge\" {new string('x', 2500)} due:{due}";
        Assert.True(huge.Length > 2500);
        var tooLong = await host.SendAsync(huge);
        Assert.Contains("too long", tooLong, StringComparison.Ordinal);
        var after = await challenges.ListAsync(ConsoleAdapter.Community, includeClosed: true);
        Assert.Equal(before.Count, after.Count);
        Assert.Contains("There are no open challenges", await host.SendAsync("/challenge list"), StringComparison.Ordinal);

        var leaderboard = await host.SendAsync("/leaderboard");
        Assert.StartsWith("Streak leaderboard", leaderboard, StringComparison.Ordinal);
        Assert.Contains("1. you — 1 day", leaderboard, StringComparison.Ordinal);
        Assert.Contains("You're #1 of 1 with 1 day.", leaderboard, StringComparison.Ordinal);

        // Closing stdin stops the whole host, web server included.
        await host.EndInputAsync(TimeSpan.FromSeconds(5));
        Assert.True(host.Run.IsCompletedSuccessfully);

        // The refused /subscribe left the stored subscription alone, as a fresh host on the same file sees it.
        await using var again = await ConsoleHost.StartAsync(_temp.DatabasePath);
        AssertFridayKolkata(await again.Service<ISubscriptionStore>().GetAsync(Local));
        var stored = await again.Service<IChallengeStore>().ListAsync(ConsoleAdapter.Community, includeClosed: true);
        var only = Assert.Single(stored);
        Assert.NotNull(only.ClosedAt);
        Assert.Single(await again.Service<IChallengeStore>().ListSubmissionsAsync(only.Id));
        await again.EndInputAsync(TimeSpan.FromSeconds(5));
    }

    [Fact]
    public async Task Blank_lines_get_no_reply_and_a_line_without_a_slash_is_asked_as_faq()
    {
        await using var host = await ConsoleHost.StartAsync(_temp.DatabasePath);
        host.Input.Send("");
        host.Input.Send("   ");
        var reply = await host.SendAsync("how do I bake bread");
        Assert.Contains("I don't have a confident answer", reply, StringComparison.Ordinal);
        await host.EndInputAsync(TimeSpan.FromSeconds(5));
        Assert.Equal(reply + "\n\n", host.Output.Transcript.Replace("\r\n", "\n", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Input_that_is_already_closed_when_the_host_starts_stops_it_cleanly()
    {
        // `dotnet MentorBot.Host < /dev/null`: end of input may come before Kestrel has bound its port.
        for (var i = 0; i < 3; i++)
            Assert.Equal("", await ConsoleHost.RunToEndAsync(_temp.DatabasePath));
    }

    [Fact]
    public async Task Piped_input_is_answered_in_order_and_then_the_host_stops()
    {
        var transcript = await ConsoleHost.RunToEndAsync(_temp.DatabasePath, "/checkin", "/checkin", "/streak");

        var replies = transcript.Split("\n\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(3, replies.Length);
        Assert.StartsWith("Checked in for ", replies[0], StringComparison.Ordinal);
        Assert.StartsWith("Already checked in today", replies[1], StringComparison.Ordinal);
        Assert.Contains("Current: 1 day", replies[2], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Stopping_the_host_does_not_wait_for_the_next_console_line()
    {
        await using var host = await ConsoleHost.StartAsync(_temp.DatabasePath);
        await host.App.StopAsync().WaitAsync(TimeSpan.FromSeconds(5));
        await host.Run.WaitAsync(TimeSpan.FromSeconds(5));
    }

    private static void AssertFridayKolkata(Subscription? subscription)
    {
        Assert.NotNull(subscription);
        Assert.Equal(DayOfWeek.Friday, subscription.Day);
        Assert.Equal(new TimeOnly(18, 30), subscription.Time);
        Assert.Equal("Asia/Kolkata", subscription.TimeZoneId);
        Assert.Null(subscription.PausedUntil);
    }
}
