using MentorBot.Core.Streaks;

namespace MentorBot.Core.Reports;

/// <summary>The fixed time windows of the overview, derived from one instant so every provider agrees on them.</summary>
public static class ReportWindow
{
    /// <summary>The check-ins chart covers 12 weeks.</summary>
    public const int Days = 84;

    public static readonly TimeSpan ActiveWindow = TimeSpan.FromDays(7);

    /// <summary>Today in UTC.</summary>
    public static DateOnly UtcToday(DateTimeOffset now) => DateOnly.FromDateTime(now.UtcDateTime);

    /// <summary>The first day of the check-ins chart.</summary>
    public static DateOnly FirstDay(DateTimeOffset now) => UtcToday(now).AddDays(-(Days - 1));

    /// <summary>The UTC instant from which activity counts as "in the last 7 days".</summary>
    public static DateTimeOffset ActiveSince(DateTimeOffset now) => now.ToUniversalTime() - ActiveWindow;

    /// <summary>Monday of the current ISO week, in UTC.</summary>
    public static DateOnly WeekStart(DateTimeOffset now) => IsoWeek.StartOf(UtcToday(now));

    /// <summary>The UTC instants [start, end) of the current ISO week.</summary>
    public static (DateTimeOffset Start, DateTimeOffset End) Week(DateTimeOffset now)
    {
        var start = new DateTimeOffset(WeekStart(now).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        return (start, start.AddDays(7));
    }

    /// <summary>The chart's days, oldest first, with zero for each day <paramref name="counts"/> lacks.</summary>
    public static IReadOnlyList<DailyCount> FillDays(DateTimeOffset now, IReadOnlyDictionary<DateOnly, int> counts)
    {
        var first = FirstDay(now);
        var days = new DailyCount[Days];
        for (var i = 0; i < Days; i++)
        {
            var day = first.AddDays(i);
            days[i] = new DailyCount(day, counts.GetValueOrDefault(day));
        }
        return days;
    }

    /// <summary>Weeks 1 to the highest present, zero weeks included; a week below 1 (never written) counts as week 1.</summary>
    public static IReadOnlyList<WeekCount> FillWeeks(IEnumerable<KeyValuePair<int, int>> learnersPerWeek)
    {
        var byWeek = new SortedDictionary<int, int>();
        foreach (var (week, count) in learnersPerWeek)
        {
            var key = Math.Max(1, week);
            byWeek[key] = byWeek.GetValueOrDefault(key) + count;
        }
        if (byWeek.Count == 0)
            return [];
        var max = byWeek.Keys.Max();
        return [.. Enumerable.Range(1, max).Select(w => new WeekCount(w, byWeek.GetValueOrDefault(w)))];
    }
}
