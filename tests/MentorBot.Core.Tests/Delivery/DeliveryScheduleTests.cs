using MentorBot.Core.Time;

namespace MentorBot.Core.Tests.Delivery;

public sealed class DeliveryScheduleTests
{
    private static TimeZoneInfo Zone(string id) => TimeZones.FindOrUtc(id);

    [Fact]
    public void Next_occurrence_later_today_is_today()
    {
        var now = new DateTimeOffset(2026, 11, 23, 6, 0, 0, TimeSpan.Zero); // Monday 07:00 in Berlin
        var next = DeliverySchedule.NextOccurrence(DayOfWeek.Monday, new TimeOnly(9, 0), Zone("Europe/Berlin"), null, now);
        Assert.Equal(new DateTimeOffset(2026, 11, 23, 8, 0, 0, TimeSpan.Zero), next);
    }

    [Fact]
    public void Next_occurrence_already_passed_is_next_week()
    {
        var now = new DateTimeOffset(2026, 11, 23, 12, 0, 0, TimeSpan.Zero);
        var next = DeliverySchedule.NextOccurrence(DayOfWeek.Monday, new TimeOnly(9, 0), Zone("Europe/Berlin"), null, now);
        Assert.Equal(new DateTimeOffset(2026, 11, 30, 8, 0, 0, TimeSpan.Zero), next);
    }

    [Fact]
    public void Pause_skips_weeks_before_the_resume_date()
    {
        var now = new DateTimeOffset(2026, 11, 23, 12, 0, 0, TimeSpan.Zero);
        var next = DeliverySchedule.NextOccurrence(DayOfWeek.Monday, new TimeOnly(9, 0), TimeZoneInfo.Utc, new DateOnly(2026, 12, 10), now);
        Assert.Equal(new DateTimeOffset(2026, 12, 14, 9, 0, 0, TimeSpan.Zero), next);
    }

    [Fact]
    public void Uses_summer_offset_after_dst_starts()
    {
        // New York springs forward on 2027-03-14; a Monday 09:00 delivery after that is 13:00 UTC, not 14:00.
        var now = new DateTimeOffset(2027, 3, 10, 12, 0, 0, TimeSpan.Zero);
        var next = DeliverySchedule.NextOccurrence(DayOfWeek.Monday, new TimeOnly(9, 0), Zone("America/New_York"), null, now);
        Assert.Equal(new DateTimeOffset(2027, 3, 15, 13, 0, 0, TimeSpan.Zero), next);
    }

    [Fact]
    public void Skipped_local_time_is_delivered_when_the_gap_ends()
    {
        // 02:30 does not exist in Berlin on Sunday 2027-03-28; the first valid instant after the gap is 03:00 CEST.
        var now = new DateTimeOffset(2027, 3, 27, 12, 0, 0, TimeSpan.Zero);
        var next = DeliverySchedule.NextOccurrence(DayOfWeek.Sunday, new TimeOnly(2, 30), Zone("Europe/Berlin"), null, now);
        Assert.Equal(new DateTimeOffset(2027, 3, 28, 1, 0, 0, TimeSpan.Zero), next);
    }
}
