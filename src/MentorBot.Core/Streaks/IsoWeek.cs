namespace MentorBot.Core.Streaks;

/// <summary>ISO weeks start on Monday; a week is identified by its Monday.</summary>
public static class IsoWeek
{
    public static DateOnly StartOf(DateOnly day) => day.AddDays(-(((int)day.DayOfWeek + 6) % 7));
}
