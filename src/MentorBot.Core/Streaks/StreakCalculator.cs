namespace MentorBot.Core.Streaks;

/// <summary>
/// Replays a learner's history day by day. Works on local <see cref="DateOnly"/> values, so daylight-saving changes
/// cannot create or lose a day: the caller decides which local date an event belongs to.
/// </summary>
public static class StreakCalculator
{
    public const int MaxFreezes = 2;

    public const int GridWeeks = 12;

    /// <param name="checkinDays">Local dates with a check-in; an active day. Duplicates count once.</param>
    /// <param name="taskCompletionDays">
    /// Local dates of weekly task completions. The first in each ISO week earns a freeze (see <see cref="FreezeDays"/>).
    /// </param>
    /// <param name="today">The learner's local date now. Later dates are ignored.</param>
    public static StreakState Calculate(IEnumerable<DateOnly> checkinDays, IEnumerable<DateOnly> taskCompletionDays, DateOnly today)
    {
        var active = checkinDays.Where(d => d <= today).ToHashSet();
        var completions = taskCompletionDays.Where(d => d <= today).ToList();
        var freezeDays = FreezeDays(completions).ToHashSet();

        var current = 0;
        var longest = 0;
        var freezes = 0;
        if (active.Count > 0 || completions.Count > 0)
        {
            var first = active.Concat(completions).Min();
            for (var day = first; day <= today; day = day.AddDays(1))
            {
                // Earned before the day is judged, so finishing the weekly task on a missed day still saves the streak.
                if (freezeDays.Contains(day))
                    freezes = Math.Min(MaxFreezes, freezes + 1);

                if (active.Contains(day))
                {
                    current++;
                    longest = Math.Max(longest, current);
                }
                else if (day == today)
                {
                    // Today is not over: not having checked in yet must not break yesterday's streak.
                }
                else if (current > 0 && freezes > 0)
                {
                    freezes--;
                }
                else
                {
                    // With no streak to protect a freeze is kept rather than wasted.
                    current = 0;
                }
            }
        }

        DateOnly? lastActive = active.Count > 0 ? active.Max() : null;
        return new StreakState(current, longest, freezes, WeeklyStreak(completions, today), lastActive, Weeks(active, completions, today));
    }

    /// <summary>
    /// The days that earn a streak freeze: the first task completion of each of the learner's local ISO weeks. Roadmap
    /// progress may run ahead of the calendar (several weeks finished in one sitting); freezes may not, or a learner
    /// could bank a month of missed days in a minute.
    /// </summary>
    public static IEnumerable<DateOnly> FreezeDays(IEnumerable<DateOnly> taskCompletionDays) =>
        taskCompletionDays.GroupBy(IsoWeek.StartOf).Select(week => week.Min());

    /// <summary>
    /// A stored summary's streak as of <paramref name="today"/>: days missed since the last active day are covered by
    /// the freezes held then, or the streak is gone.
    /// </summary>
    public static int CurrentAsOf(DateOnly lastActiveDay, int currentAtLastDay, int freezesAtLastDay, DateOnly today)
    {
        var missed = today.DayNumber - lastActiveDay.DayNumber - 1;
        return missed <= freezesAtLastDay ? currentAtLastDay : 0;
    }

    internal static IReadOnlyList<WeekActivity> Weeks(IEnumerable<DateOnly> active, IEnumerable<DateOnly> completions, DateOnly today)
    {
        var thisWeek = IsoWeek.StartOf(today);
        var activePerWeek = active.GroupBy(IsoWeek.StartOf).ToDictionary(g => g.Key, g => g.Distinct().Count());
        var taskWeeks = completions.Select(IsoWeek.StartOf).ToHashSet();
        var weeks = new List<WeekActivity>(GridWeeks);
        for (var i = GridWeeks - 1; i >= 0; i--)
        {
            var start = thisWeek.AddDays(-7 * i);
            weeks.Add(new WeekActivity(start, activePerWeek.GetValueOrDefault(start), taskWeeks.Contains(start)));
        }
        return weeks;
    }

    private static int WeeklyStreak(IEnumerable<DateOnly> completions, DateOnly today)
    {
        var taskWeeks = completions.Select(IsoWeek.StartOf).ToHashSet();
        var week = IsoWeek.StartOf(today);
        // This week may still get its task done, so the run can end last week.
        if (!taskWeeks.Contains(week))
            week = week.AddDays(-7);
        var count = 0;
        while (taskWeeks.Contains(week))
        {
            count++;
            week = week.AddDays(-7);
        }
        return count;
    }
}
