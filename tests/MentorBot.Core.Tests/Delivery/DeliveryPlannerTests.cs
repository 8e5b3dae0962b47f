using System.Globalization;
using MentorBot.Core.Delivery;
using MentorBot.Core.Identity;
using MentorBot.Core.Storage;
using MentorBot.Core.Subscriptions;

namespace MentorBot.Core.Tests.Delivery;

public sealed class DeliveryPlannerTests
{
    private static readonly LearnerId Learner = new("discord", "123");
    private static readonly CommunityId Community = new("discord", "guild");
    private static readonly DateTimeOffset LongAgo = new(2020, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private static Subscription Sub(string zone, DayOfWeek day, string time, DateOnly? pausedUntil = null, DateTimeOffset? createdAt = null) =>
        new(Learner, Community, day, TimeOnly.Parse(time, CultureInfo.InvariantCulture), zone, pausedUntil, createdAt ?? LongAgo);

    private static DateTimeOffset Utc(string value) => DateTimeOffset.Parse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);

    [Theory]
    // Europe/Berlin: spring forward 2026-03-29 02:00→03:00, fall back 2026-10-25 03:00→02:00.
    [InlineData("Europe/Berlin", DayOfWeek.Sunday, "02:30", "2026-03-22T12:00Z", "2026-03-29T01:00Z", "2026-W13")] // gap → 03:00 CEST
    [InlineData("Europe/Berlin", DayOfWeek.Sunday, "02:30", "2026-03-16T00:00Z", "2026-03-22T01:30Z", "2026-W12")] // week before: CET
    [InlineData("Europe/Berlin", DayOfWeek.Sunday, "02:30", "2026-10-20T00:00Z", "2026-10-25T00:30Z", "2026-W43")] // ambiguous → first (CEST)
    [InlineData("Europe/Berlin", DayOfWeek.Sunday, "02:30", "2026-10-26T00:00Z", "2026-11-01T01:30Z", "2026-W44")] // after: CET
    [InlineData("Europe/Berlin", DayOfWeek.Monday, "09:00", "2026-03-29T12:00Z", "2026-03-30T07:00Z", "2026-W14")]
    // America/New_York: spring forward 2026-03-08 02:00→03:00, fall back 2026-11-01 02:00→01:00.
    [InlineData("America/New_York", DayOfWeek.Sunday, "02:30", "2026-03-02T00:00Z", "2026-03-08T07:00Z", "2026-W10")] // gap → 03:00 EDT
    [InlineData("America/New_York", DayOfWeek.Sunday, "01:30", "2026-10-26T00:00Z", "2026-11-01T05:30Z", "2026-W44")] // ambiguous → EDT
    [InlineData("America/New_York", DayOfWeek.Monday, "09:00", "2026-03-02T00:00Z", "2026-03-02T14:00Z", "2026-W10")] // EST
    [InlineData("America/New_York", DayOfWeek.Monday, "09:00", "2026-03-03T00:00Z", "2026-03-09T13:00Z", "2026-W11")] // EDT
    [InlineData("America/New_York", DayOfWeek.Sunday, "03:00", "2026-03-02T00:00Z", "2026-03-08T07:00Z", "2026-W10")] // first valid instant itself
    // Australia/Sydney: fall back 2026-04-05 03:00→02:00, spring forward 2026-10-04 02:00→03:00.
    [InlineData("Australia/Sydney", DayOfWeek.Sunday, "02:30", "2026-04-01T00:00Z", "2026-04-04T15:30Z", "2026-W14")] // ambiguous → AEDT
    [InlineData("Australia/Sydney", DayOfWeek.Sunday, "02:30", "2026-04-06T00:00Z", "2026-04-11T16:30Z", "2026-W15")] // AEST
    [InlineData("Australia/Sydney", DayOfWeek.Sunday, "02:30", "2026-09-30T00:00Z", "2026-10-03T16:00Z", "2026-W40")] // gap → 03:00 AEDT
    [InlineData("Australia/Sydney", DayOfWeek.Monday, "08:00", "2026-11-20T00:00Z", "2026-11-22T21:00Z", "2026-W48")] // local Monday, UTC Sunday
    // Asia/Kolkata: no DST, half-hour offset; the local date decides the week.
    [InlineData("Asia/Kolkata", DayOfWeek.Wednesday, "18:00", "2026-03-23T00:00Z", "2026-03-25T12:30Z", "2026-W13")]
    [InlineData("Asia/Kolkata", DayOfWeek.Wednesday, "18:00", "2026-10-26T00:00Z", "2026-10-28T12:30Z", "2026-W44")]
    [InlineData("Asia/Kolkata", DayOfWeek.Monday, "02:00", "2026-11-20T00:00Z", "2026-11-22T20:30Z", "2026-W48")]
    [InlineData("Asia/Kolkata", DayOfWeek.Friday, "09:00", "2026-12-29T00:00Z", "2027-01-01T03:30Z", "2026-W53")] // ISO year 2026
    public void Finds_the_one_slot_in_a_week(string zone, DayOfWeek day, string time, string from, string expectedUtc, string expectedWeek)
    {
        var start = Utc(from);
        var slots = DeliveryPlanner.Plan([Sub(zone, day, time)], start, start.AddDays(7)).ToList();

        var slot = Assert.Single(slots);
        Assert.Equal(Utc(expectedUtc), slot.SlotUtc);
        Assert.Equal(TimeSpan.Zero, slot.SlotUtc.Offset);
        Assert.Equal(expectedWeek, slot.LocalWeek);
        Assert.Equal($"discord:123|{expectedWeek}", slot.Key);
    }

    [Theory]
    [InlineData("Europe/Berlin", "02:30", "2026-10-24T12:00Z")]
    [InlineData("Europe/Berlin", "02:00", "2026-10-24T12:00Z")]
    [InlineData("America/New_York", "01:30", "2026-10-31T12:00Z")]
    [InlineData("America/New_York", "01:00", "2026-10-31T12:00Z")]
    [InlineData("Australia/Sydney", "02:30", "2026-04-04T00:00Z")]
    [InlineData("Europe/Berlin", "02:00", "2026-03-28T12:00Z")]
    [InlineData("Europe/Berlin", "02:59", "2026-03-28T12:00Z")]
    [InlineData("Australia/Sydney", "02:30", "2026-10-03T00:00Z")]
    public void A_transition_day_fires_exactly_once(string zone, string time, string dayBefore)
    {
        var start = Utc(dayBefore);
        var slots = DeliveryPlanner.Plan([Sub(zone, DayOfWeek.Sunday, time)], start, start.AddDays(2)).ToList();

        Assert.Single(slots);
    }

    [Fact]
    public void Gap_time_fires_at_the_instant_the_clocks_jump()
    {
        var start = Utc("2026-03-28T00:00Z");
        var slot = Assert.Single(DeliveryPlanner.Plan([Sub("Europe/Berlin", DayOfWeek.Sunday, "02:59")], start, start.AddDays(2)));

        // 02:59 does not exist; 03:00 CEST (01:00 UTC) is the first valid instant after the gap.
        Assert.Equal(Utc("2026-03-29T01:00Z"), slot.SlotUtc);
    }

    [Fact]
    public void Window_is_half_open()
    {
        var slotTime = Utc("2026-11-23T09:00Z");
        Subscription[] subs = [Sub("UTC", DayOfWeek.Monday, "09:00")];

        Assert.Single(DeliveryPlanner.Plan(subs, slotTime, slotTime.AddTicks(1)));
        Assert.Empty(DeliveryPlanner.Plan(subs, slotTime.AddTicks(-1), slotTime));
        Assert.Empty(DeliveryPlanner.Plan(subs, slotTime.AddTicks(1), slotTime.AddDays(6)));
        Assert.Empty(DeliveryPlanner.Plan(subs, slotTime, slotTime));
    }

    [Fact]
    public void Long_window_gives_one_slot_per_week_with_distinct_keys()
    {
        var start = Utc("2026-03-01T00:00Z");
        var slots = DeliveryPlanner.Plan([Sub("Europe/Berlin", DayOfWeek.Sunday, "02:30")], start, start.AddDays(35)).ToList();

        Assert.Equal(5, slots.Count);
        Assert.Equal(5, slots.Select(s => s.Key).Distinct().Count());
        Assert.All(slots, s => Assert.Equal(DayOfWeek.Sunday, s.LocalDate.DayOfWeek));
    }

    [Fact]
    public void Pause_skips_local_dates_before_the_resume_date()
    {
        var start = Utc("2026-11-01T00:00Z");
        var paused = Sub("Asia/Kolkata", DayOfWeek.Monday, "09:00", pausedUntil: new DateOnly(2026, 11, 16));

        var slots = DeliveryPlanner.Plan([paused], start, start.AddDays(28)).Select(s => s.LocalDate).ToList();

        Assert.Equal([new DateOnly(2026, 11, 16), new DateOnly(2026, 11, 23)], slots);
    }

    [Fact]
    public void Slots_before_the_subscription_existed_are_not_planned()
    {
        var start = Utc("2026-11-23T00:00Z");
        var created = Utc("2026-11-23T10:00Z");
        var sub = Sub("UTC", DayOfWeek.Monday, "09:00", createdAt: created);

        var slot = Assert.Single(DeliveryPlanner.Plan([sub], start, start.AddDays(8)));
        Assert.Equal(Utc("2026-11-30T09:00Z"), slot.SlotUtc);
    }

    [Fact]
    public void Unknown_zone_falls_back_to_utc()
    {
        var start = Utc("2026-11-23T00:00Z");
        var slot = Assert.Single(DeliveryPlanner.Plan([Sub("Mars/Olympus", DayOfWeek.Monday, "09:00")], start, start.AddDays(7)));
        Assert.Equal(Utc("2026-11-23T09:00Z"), slot.SlotUtc);
    }

    [Fact]
    public void Every_subscription_is_planned_independently()
    {
        var start = Utc("2026-11-23T00:00Z");
        var subs = Enumerable.Range(0, 50)
            .Select(i => new Subscription(new LearnerId("slack", $"U{i}"), Community, (DayOfWeek)(i % 7), new TimeOnly(i % 24, 0), i % 2 == 0 ? "Europe/Berlin" : "Asia/Kolkata", null, LongAgo))
            .ToList();

        var slots = DeliveryPlanner.Plan(subs, start, start.AddDays(7)).ToList();

        Assert.Equal(50, slots.Count);
        Assert.Equal(50, slots.Select(s => s.Key).Distinct().Count());
    }
}
