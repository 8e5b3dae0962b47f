using MentorBot.Core.Time;

namespace MentorBot.Core.Tests.Subscriptions;

public sealed class ScheduleInputTests
{
    [Theory]
    [InlineData("monday", DayOfWeek.Monday)]
    [InlineData("Mon", DayOfWeek.Monday)]
    [InlineData("tue", DayOfWeek.Tuesday)]
    [InlineData("tues", DayOfWeek.Tuesday)]
    [InlineData("THURS", DayOfWeek.Thursday)]
    [InlineData("sun", DayOfWeek.Sunday)]
    public void Parses_days_and_their_abbreviations(string input, DayOfWeek expected)
    {
        Assert.True(ScheduleInput.TryParseDay(input, out var day));
        Assert.Equal(expected, day);
    }

    [Theory]
    [InlineData("funday")]
    [InlineData("mo")]
    [InlineData("")]
    [InlineData("mondays")]
    public void Rejects_non_days(string input) => Assert.False(ScheduleInput.TryParseDay(input, out _));

    [Theory]
    [InlineData("09:00", 9, 0)]
    [InlineData("9", 9, 0)]
    [InlineData("9:30", 9, 30)]
    [InlineData("23:59", 23, 59)]
    [InlineData("0:00", 0, 0)]
    [InlineData("9am", 9, 0)]
    [InlineData("6:30pm", 18, 30)]
    [InlineData("12am", 0, 0)]
    [InlineData("12 PM", 12, 0)]
    public void Parses_times(string input, int hour, int minute)
    {
        Assert.True(ScheduleInput.TryParseTime(input, out var time));
        Assert.Equal(new TimeOnly(hour, minute), time);
    }

    [Theory]
    [InlineData("25:00")]
    [InlineData("9:60")]
    [InlineData("13pm")]
    [InlineData("noonish")]
    [InlineData("9:5")]
    [InlineData("")]
    public void Rejects_bad_times(string input) => Assert.False(ScheduleInput.TryParseTime(input, out _));

    [Theory]
    [InlineData("2026-12-01", true)]
    [InlineData("2026-02-30", false)]
    [InlineData("01/12/2026", false)]
    [InlineData("tomorrow", false)]
    public void Dates_must_be_iso(string input, bool valid) => Assert.Equal(valid, ScheduleInput.TryParseDate(input, out _));
}
