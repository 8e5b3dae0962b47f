using MentorBot.Core.Commands;
using MentorBot.Core.Tests.Fakes;
using MentorBot.Core.Tests.Commands;

namespace MentorBot.Core.Tests.Streaks;

public sealed class CheckinCommandTests
{
    private static DateTimeOffset Utc(int year, int month, int day, int hour, int minute) => new(year, month, day, hour, minute, 0, TimeSpan.Zero);

    [Fact]
    public async Task First_checkin_succeeds_and_creates_the_profile_in_utc()
    {
        using var bot = new BotHarness();

        var reply = await bot.SendAsync("/checkin read about HTTP caching");

        Assert.Equal(ReplyKind.Success, reply.Kind);
        Assert.Equal("Checked in for 2026-11-23. Streak: 1 day.", reply.Text);
        var checkin = Assert.Single(bot.Activity.Checkins);
        Assert.Equal("read about HTTP caching", checkin.Note);
        var profile = Assert.Single(bot.Learners.All);
        Assert.Equal("UTC", profile.TimeZoneId);
        Assert.Equal(1, profile.CurrentWeek);
        Assert.Equal([BotHarness.Community], profile.Communities);
    }

    [Fact]
    public async Task Second_checkin_the_same_day_does_not_count_twice()
    {
        using var bot = new BotHarness();
        await bot.SendAsync("/checkin");

        var reply = await bot.SendAsync("/checkin again");

        Assert.Equal(ReplyKind.Info, reply.Kind);
        Assert.StartsWith("Already checked in today", reply.Text, StringComparison.Ordinal);
        Assert.Contains("Streak: 1 day", reply.Text, StringComparison.Ordinal);
        Assert.Single(bot.Activity.Checkins);
    }

    [Fact]
    public async Task Twenty_parallel_checkins_of_one_learner_count_once()
    {
        using var bot = new BotHarness();

        var replies = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => Task.Run(() => bot.SendAsync("/checkin"))));

        Assert.Single(bot.Activity.Checkins);
        Assert.Single(replies, r => r.Kind == ReplyKind.Success);
        Assert.All(replies, r => Assert.Contains("Streak: 1 day", r.Text, StringComparison.Ordinal));
        var summary = await bot.Activity.GetStreakSummaryAsync(BotHarness.Alice.Id);
        Assert.Equal(1, summary!.CurrentAtLastDay);
    }

    [Fact]
    public async Task Consecutive_days_grow_the_streak_and_a_gap_resets_it()
    {
        using var bot = new BotHarness();
        await bot.SendAsync("/checkin");
        bot.Time.Advance(TimeSpan.FromDays(1));
        var second = await bot.SendAsync("/checkin");
        Assert.Contains("Streak: 2 days", second.Text, StringComparison.Ordinal);

        bot.Time.Advance(TimeSpan.FromDays(2));
        var afterGap = await bot.SendAsync("/checkin");
        Assert.Contains("Streak: 1 day", afterGap.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_completed_task_freeze_bridges_a_missed_day()
    {
        using var bot = new BotHarness();
        await bot.SendAsync("/checkin");
        await bot.SendAsync("/task done");
        bot.Time.Advance(TimeSpan.FromDays(2));

        var reply = await bot.SendAsync("/checkin");

        Assert.Contains("Streak: 2 days", reply.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Checkins_across_berlin_dst_end_are_keyed_on_local_dates()
    {
        // Berlin falls back from CEST to CET at 03:00 on 2026-10-25, a 25-hour day.
        using var bot = new BotHarness(Utc(2026, 10, 24, 21, 30)); // 23:30 CEST on the 24th
        var berliner = BotHarness.Alice with { TimeZoneHint = "Europe/Berlin" };

        var first = await bot.SendAsync("/checkin", berliner);
        Assert.Contains("2026-10-24", first.Text, StringComparison.Ordinal);

        bot.Time.SetUtcNow(Utc(2026, 10, 25, 22, 30)); // 23:30 CET on the 25th: 24 hours later, still the next local day
        var second = await bot.SendAsync("/checkin", berliner);
        Assert.Equal("Checked in for 2026-10-25. Streak: 2 days.", second.Text);

        bot.Time.SetUtcNow(Utc(2026, 10, 25, 22, 59));
        var same = await bot.SendAsync("/checkin", berliner);
        Assert.StartsWith("Already checked in today (2026-10-25)", same.Text, StringComparison.Ordinal);

        bot.Time.SetUtcNow(Utc(2026, 10, 25, 23, 30)); // 00:30 CET on the 26th
        var third = await bot.SendAsync("/checkin", berliner);
        Assert.Equal("Checked in for 2026-10-26. Streak: 3 days.", third.Text);
        Assert.Equal(
            [new DateOnly(2026, 10, 24), new DateOnly(2026, 10, 25), new DateOnly(2026, 10, 26)],
            bot.Activity.Checkins.Select(c => c.LocalDate));
    }

    [Fact]
    public async Task Checkins_across_new_york_dst_start_are_keyed_on_local_dates()
    {
        // New York springs forward at 02:00 on 2027-03-14, a 23-hour day.
        using var bot = new BotHarness(Utc(2027, 3, 14, 4, 30)); // 23:30 EST on the 13th
        var newYorker = BotHarness.Bob with { TimeZoneHint = "America/New_York" };

        Assert.Contains("2027-03-13", (await bot.SendAsync("/checkin", newYorker)).Text, StringComparison.Ordinal);

        bot.Time.SetUtcNow(Utc(2027, 3, 15, 3, 30)); // 23:30 EDT on the 14th, only 23 hours later
        Assert.Equal("Checked in for 2027-03-14. Streak: 2 days.", (await bot.SendAsync("/checkin", newYorker)).Text);

        bot.Time.SetUtcNow(Utc(2027, 3, 15, 4, 30)); // 00:30 EDT on the 15th
        Assert.Equal("Checked in for 2027-03-15. Streak: 3 days.", (await bot.SendAsync("/checkin", newYorker)).Text);
    }

    [Fact]
    public async Task Kolkata_day_starts_five_and_a_half_hours_before_utc()
    {
        using var bot = new BotHarness(Utc(2026, 11, 23, 18, 0)); // 23:30 IST
        var kolkata = BotHarness.Alice with { TimeZoneHint = "Asia/Kolkata" };
        var london = BotHarness.Bob;

        Assert.Contains("2026-11-23", (await bot.SendAsync("/checkin", kolkata)).Text, StringComparison.Ordinal);
        Assert.Contains("2026-11-23", (await bot.SendAsync("/checkin", london)).Text, StringComparison.Ordinal);

        bot.Time.SetUtcNow(Utc(2026, 11, 23, 19, 0)); // 00:30 IST on the 24th, still the 23rd in UTC
        Assert.Equal("Checked in for 2026-11-24. Streak: 2 days.", (await bot.SendAsync("/checkin", kolkata)).Text);
        Assert.StartsWith("Already checked in today (2026-11-23)", (await bot.SendAsync("/checkin", london)).Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Invalid_time_zone_hint_falls_back_to_utc()
    {
        using var bot = new BotHarness();
        await bot.SendAsync("/checkin", BotHarness.Alice with { TimeZoneHint = "Not/AZone" });
        Assert.Equal("UTC", bot.Learners.All.Single().TimeZoneId);
    }

    [Fact]
    public async Task Note_over_300_characters_is_refused_and_nothing_is_stored()
    {
        using var bot = new BotHarness();

        var reply = await bot.RunAsync("checkin", options: ("note", new string('n', 301)));

        Assert.Equal(ReplyKind.Refusal, reply.Kind);
        Assert.Empty(bot.Activity.Checkins);
        Assert.Empty(bot.Learners.All);
    }

    // Issue 15: moving from Pacific/Kiritimati (UTC+14) to Pacific/Pago_Pago (UTC-11) allowed check-ins for 12-02 and
    // 12-01 in the same minute. Rule: one check-in per local date of the zone you are in now, so a check-in whose
    // instant falls on today in the current zone counts for today, whatever date it was recorded under.
    [Fact]
    public async Task Moving_west_across_the_date_line_does_not_give_a_second_checkin_the_same_real_day()
    {
        using var bot = new BotHarness(Utc(2026, 12, 1, 13, 0)); // 03:00 on 12-02 in Kiritimati, 02:00 on 12-01 in Pago Pago
        var alice = BotHarness.Alice with { TimeZoneHint = "Pacific/Kiritimati" };
        Assert.Equal("Checked in for 2026-12-02. Streak: 1 day.", (await bot.SendAsync("/checkin", alice)).Text);
        await bot.SendAsync("/subscribe monday 09:00 Pacific/Pago_Pago", alice);

        bot.Time.Advance(TimeSpan.FromMinutes(1));
        var again = await bot.SendAsync("/checkin", alice);

        Assert.StartsWith("Already checked in today", again.Text, StringComparison.Ordinal);
        Assert.Contains("Streak: 1 day", again.Text, StringComparison.Ordinal);
        Assert.Single(bot.Activity.Checkins);
        var streak = await bot.SendAsync("/streak", alice);
        Assert.Equal("1 day", streak.Fields.Single(f => f.Name == "Current").Value);

        // A real day later it is 12-02 in Pago Pago: that date is already checked in, still once.
        bot.Time.Advance(TimeSpan.FromDays(1));
        Assert.StartsWith("Already checked in today (2026-12-02)", (await bot.SendAsync("/checkin", alice)).Text, StringComparison.Ordinal);

        bot.Time.Advance(TimeSpan.FromDays(1));
        Assert.Equal("Checked in for 2026-12-03. Streak: 2 days.", (await bot.SendAsync("/checkin", alice)).Text);
    }

    [Fact]
    public async Task Moving_east_across_the_date_line_does_not_give_a_second_checkin_the_same_real_day()
    {
        using var bot = new BotHarness(Utc(2026, 12, 1, 13, 0));
        var alice = BotHarness.Alice with { TimeZoneHint = "Pacific/Pago_Pago" };
        Assert.Equal("Checked in for 2026-12-01. Streak: 1 day.", (await bot.SendAsync("/checkin", alice)).Text);
        await bot.SendAsync("/subscribe monday 09:00 Pacific/Kiritimati", alice);

        bot.Time.Advance(TimeSpan.FromMinutes(1));
        var again = await bot.SendAsync("/checkin", alice);

        Assert.StartsWith("Already checked in today", again.Text, StringComparison.Ordinal);
        Assert.Contains("Streak: 1 day", again.Text, StringComparison.Ordinal);
        Assert.Single(bot.Activity.Checkins);

        // A real day later the new zone's next local date takes a check-in as usual.
        bot.Time.Advance(TimeSpan.FromDays(1));
        Assert.StartsWith("Checked in for 2026-12-03.", (await bot.SendAsync("/checkin", alice)).Text, StringComparison.Ordinal);
    }
}
