using MentorBot.Core.Commands;
using MentorBot.Core.Tests.Fakes;
using MentorBot.Core.Tests.Commands;

namespace MentorBot.Core.Tests.Subscriptions;

public sealed class SubscriptionCommandTests : IDisposable
{
    private readonly BotHarness _bot = new(); // Monday 2026-11-23 12:00 UTC

    public void Dispose() => _bot.Dispose();

    private static string Field(Reply reply, string name) => reply.Fields.Single(f => f.Name == name).Value;

    [Fact]
    public async Task Subscribe_with_day_time_and_zone_stores_it_and_shows_next_delivery()
    {
        var reply = await _bot.SendAsync("/subscribe wednesday 18:30 asia/kolkata");

        Assert.Equal(ReplyKind.Success, reply.Kind);
        var subscription = await _bot.Subscriptions.GetAsync(BotHarness.Alice.Id);
        Assert.NotNull(subscription);
        Assert.Equal(DayOfWeek.Wednesday, subscription.Day);
        Assert.Equal(new TimeOnly(18, 30), subscription.Time);
        Assert.Equal("Asia/Kolkata", subscription.TimeZoneId);
        Assert.Equal("Asia/Kolkata", _bot.Learners.All.Single().TimeZoneId);
        Assert.Equal("Wed 2026-11-25 18:30 Asia/Kolkata", Field(reply, "Next delivery"));
        Assert.Equal("Wed 2026-11-25 13:00 UTC", Field(reply, "In UTC"));
    }

    [Fact]
    public async Task Subscribe_defaults_to_monday_nine_in_the_profile_zone()
    {
        await _bot.SendAsync("/checkin", BotHarness.Alice with { TimeZoneHint = "Europe/Berlin" });

        var reply = await _bot.SendAsync("/subscribe");

        var subscription = await _bot.Subscriptions.GetAsync(BotHarness.Alice.Id);
        Assert.Equal(DayOfWeek.Monday, subscription!.Day);
        Assert.Equal(new TimeOnly(9, 0), subscription.Time);
        Assert.Equal("Europe/Berlin", subscription.TimeZoneId);
        Assert.Equal("Mon 2026-11-30 08:00 UTC", Field(reply, "In UTC"));
    }

    [Fact]
    public async Task Subscribe_accepts_short_days_and_loose_times()
    {
        await _bot.SendAsync("/subscribe tue 9am UTC");

        var subscription = await _bot.Subscriptions.GetAsync(BotHarness.Alice.Id);
        Assert.Equal(DayOfWeek.Tuesday, subscription!.Day);
        Assert.Equal(new TimeOnly(9, 0), subscription.Time);
    }

    [Theory]
    [InlineData("/subscribe funday 09:00 UTC", "isn't a day")]
    [InlineData("/subscribe monday 25:00 UTC", "isn't a time")]
    [InlineData("/subscribe monday 09:00 Mars/Base", "isn't a time zone")]
    [InlineData("/subscribe monday 09:00 Europe/Berlin please", "isn't a time zone")]
    public async Task Invalid_input_is_refused_and_nothing_is_stored(string line, string message)
    {
        await _bot.SendAsync("/checkin"); // profile exists in UTC

        var reply = await _bot.SendAsync(line);

        Assert.Equal(ReplyKind.Refusal, reply.Kind);
        Assert.Contains(message, reply.Text, StringComparison.Ordinal);
        Assert.Null(await _bot.Subscriptions.GetAsync(BotHarness.Alice.Id));
        Assert.Equal("UTC", _bot.Learners.All.Single().TimeZoneId);
    }

    [Fact]
    public async Task Resubscribing_replaces_and_clears_a_pause()
    {
        await _bot.SendAsync("/subscribe monday 09:00 UTC");
        await _bot.SendAsync("/pause until:2026-12-20");

        await _bot.SendAsync("/subscribe friday 10:00 UTC");

        var subscription = await _bot.Subscriptions.GetAsync(BotHarness.Alice.Id);
        Assert.Equal(DayOfWeek.Friday, subscription!.Day);
        Assert.Null(subscription.PausedUntil);
        Assert.Single(await _bot.Subscriptions.ListAllAsync());
    }

    [Fact]
    public async Task Unsubscribe_removes_and_a_second_time_says_nothing_changed()
    {
        await _bot.SendAsync("/subscribe");

        var first = await _bot.SendAsync("/unsubscribe");
        var second = await _bot.SendAsync("/unsubscribe");

        Assert.Equal(ReplyKind.Success, first.Kind);
        Assert.Contains("weren't subscribed", second.Text, StringComparison.Ordinal);
        Assert.Null(await _bot.Subscriptions.GetAsync(BotHarness.Alice.Id));
    }

    [Fact]
    public async Task Pause_sets_the_resume_date_and_moves_the_next_delivery()
    {
        await _bot.SendAsync("/subscribe monday 09:00 UTC");

        var reply = await _bot.SendAsync("/pause until:2026-12-10");

        Assert.Equal(ReplyKind.Success, reply.Kind);
        Assert.Equal(new DateOnly(2026, 12, 10), (await _bot.Subscriptions.GetAsync(BotHarness.Alice.Id))!.PausedUntil);
        Assert.Equal("Mon 2026-12-14 09:00 UTC", Field(reply, "In UTC"));
    }

    [Theory]
    [InlineData("2026-11-22", "in the past")]
    [InlineData("2027-11-24", "at most a year")]
    [InlineData("24.12.2026", "isn't a date")]
    public async Task Pause_refuses_bad_dates_and_keeps_the_subscription(string until, string message)
    {
        await _bot.SendAsync("/subscribe monday 09:00 UTC");

        var reply = await _bot.SendAsync($"/pause until:{until}");

        Assert.Equal(ReplyKind.Refusal, reply.Kind);
        Assert.Contains(message, reply.Text, StringComparison.Ordinal);
        Assert.Null((await _bot.Subscriptions.GetAsync(BotHarness.Alice.Id))!.PausedUntil);
    }

    [Fact]
    public async Task Pause_today_and_exactly_one_year_ahead_are_accepted()
    {
        await _bot.SendAsync("/subscribe monday 09:00 UTC");

        Assert.Equal(ReplyKind.Success, (await _bot.SendAsync("/pause until:2026-11-23")).Kind);
        Assert.Equal(ReplyKind.Success, (await _bot.SendAsync("/pause until:2027-11-23")).Kind);
    }

    [Fact]
    public async Task Pause_is_judged_in_the_subscription_zone()
    {
        // 20:00 UTC on the 23rd is already the 24th in Kolkata, so the 23rd is in the past there.
        _bot.Time.SetUtcNow(new DateTimeOffset(2026, 11, 23, 20, 0, 0, TimeSpan.Zero));
        await _bot.SendAsync("/subscribe monday 09:00 Asia/Kolkata");

        var reply = await _bot.SendAsync("/pause until:2026-11-23");

        Assert.Equal(ReplyKind.Refusal, reply.Kind);
    }

    [Fact]
    public async Task Pause_without_subscription_is_refused()
    {
        var reply = await _bot.SendAsync("/pause until:2026-12-10");

        Assert.Equal(ReplyKind.Refusal, reply.Kind);
        Assert.Contains("/subscribe", reply.Text, StringComparison.Ordinal);
        Assert.Empty(await _bot.Subscriptions.ListAllAsync());
    }

    [Fact]
    public async Task Pause_without_date_shows_usage()
    {
        await _bot.SendAsync("/subscribe");
        var reply = await _bot.SendAsync("/pause");
        Assert.Contains("Usage: /pause until:", reply.Text, StringComparison.Ordinal);
    }

    // Issue 15: after this week's task had gone out, /subscribe promised a delivery later the same week that the
    // engine (rightly) never sends; /schedule preview and the engine agreed on the week after.
    [Fact]
    public async Task Next_delivery_after_this_weeks_task_went_out_is_the_one_the_engine_sends()
    {
        await _bot.SendAsync("/subscribe monday 09:00 UTC");
        _bot.Time.SetUtcNow(new DateTimeOffset(2026, 11, 30, 9, 5, 0, TimeSpan.Zero));
        await _bot.Engine.RunOnceAsync(CancellationToken.None);
        Assert.Single(_bot.Messenger.Messages);
        _bot.Time.SetUtcNow(new DateTimeOffset(2026, 12, 2, 9, 0, 0, TimeSpan.Zero));

        var reply = await _bot.SendAsync("/subscribe wednesday 09:13 UTC");

        Assert.Equal("Wed 2026-12-09 09:13 UTC", Field(reply, "Next delivery"));
        _bot.Time.SetUtcNow(new DateTimeOffset(2026, 12, 2, 9, 14, 0, TimeSpan.Zero));
        await _bot.Engine.RunOnceAsync(CancellationToken.None);
        Assert.Single(_bot.Messenger.Messages);
        _bot.Time.SetUtcNow(new DateTimeOffset(2026, 12, 9, 9, 14, 0, TimeSpan.Zero));
        await _bot.Engine.RunOnceAsync(CancellationToken.None);
        Assert.Equal(2, _bot.Messenger.Messages.Count);
    }

    [Fact]
    public async Task Next_delivery_is_this_week_when_nothing_went_out_yet()
    {
        _bot.Time.SetUtcNow(new DateTimeOffset(2026, 12, 2, 9, 0, 0, TimeSpan.Zero));

        var reply = await _bot.SendAsync("/subscribe wednesday 09:13 UTC");

        Assert.Equal("Wed 2026-12-02 09:13 UTC", Field(reply, "Next delivery"));
    }
}
