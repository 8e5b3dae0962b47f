using MentorBot.Core.Streaks;

namespace MentorBot.Core.Tests.Streaks;

public sealed class StreakCalculatorTests
{
    private static readonly DateOnly Today = new(2026, 11, 25); // a Wednesday

    private static DateOnly D(int daysAgo) => Today.AddDays(-daysAgo);

    private static StreakState Calc(int[] checkinDaysAgo, int[]? completionDaysAgo = null) =>
        StreakCalculator.Calculate(checkinDaysAgo.Select(D), (completionDaysAgo ?? []).Select(D), Today);

    [Fact]
    public void Empty_history_is_all_zero_with_twelve_quiet_weeks()
    {
        var state = Calc([]);
        Assert.Equal(0, state.Current);
        Assert.Equal(0, state.Longest);
        Assert.Equal(0, state.FreezesHeld);
        Assert.Equal(0, state.WeeklyStreak);
        Assert.Null(state.LastActiveDay);
        Assert.Equal(12, state.Last12Weeks.Count);
        Assert.All(state.Last12Weeks, w => Assert.Equal(0, w.ActiveDays));
    }

    [Fact]
    public void Consecutive_days_including_today_count_each_day()
    {
        var state = Calc([2, 1, 0]);
        Assert.Equal(3, state.Current);
        Assert.Equal(3, state.Longest);
        Assert.Equal(Today, state.LastActiveDay);
    }

    [Fact]
    public void Today_not_yet_active_keeps_yesterdays_streak()
    {
        var state = Calc([3, 2, 1]);
        Assert.Equal(3, state.Current);
    }

    [Fact]
    public void A_missed_day_without_freezes_resets_the_streak()
    {
        var state = Calc([5, 4, 3, 1, 0]);
        Assert.Equal(2, state.Current);
        Assert.Equal(3, state.Longest);
    }

    [Fact]
    public void Missing_yesterday_breaks_the_streak_even_if_today_is_not_over()
    {
        var state = Calc([3, 2]);
        Assert.Equal(0, state.Current);
        Assert.Equal(2, state.Longest);
    }

    [Fact]
    public void Double_checkins_on_one_date_count_once()
    {
        var state = StreakCalculator.Calculate([D(1), D(1), D(0), D(0), D(0)], [], Today);
        Assert.Equal(2, state.Current);
        Assert.Equal(2, state.Last12Weeks[^1].ActiveDays);
    }

    [Fact]
    public void A_freeze_covers_a_missed_day_without_adding_to_the_streak()
    {
        // Task done 5 days ago earns a freeze; day 2 is missed and covered.
        var state = Calc([5, 4, 3, 1, 0], [5]);
        Assert.Equal(5, state.Current);
        Assert.Equal(0, state.FreezesHeld);
    }

    [Fact]
    public void Freezes_are_capped_at_two()
    {
        var state = Calc([10, 9, 8, 7, 6, 5, 4, 3, 2, 1, 0], [10, 9, 8, 7]);
        Assert.Equal(2, state.FreezesHeld);
    }

    [Fact]
    public void Two_freezes_cover_two_missed_days_and_a_third_miss_resets()
    {
        var covered = Calc([10, 9, 8, 5, 4, 3, 2, 1, 0], [10, 9, 8]);
        Assert.Equal(9, covered.Current);
        Assert.Equal(0, covered.FreezesHeld);

        var broken = Calc([10, 9, 8, 4, 3, 2, 1, 0], [10, 9, 8]);
        Assert.Equal(5, broken.Current);
        Assert.Equal(5, broken.Longest);
    }

    [Fact]
    public void A_freeze_earned_on_the_missed_day_itself_saves_the_streak()
    {
        var state = Calc([3, 2, 0], [1]);
        Assert.Equal(3, state.Current);
    }

    [Fact]
    public void Freezes_are_not_spent_while_there_is_no_streak()
    {
        var state = Calc([2, 1, 0], [6]);
        Assert.Equal(3, state.Current);
        Assert.Equal(1, state.FreezesHeld);
    }

    [Fact]
    public void Future_dates_are_ignored()
    {
        var state = StreakCalculator.Calculate([D(0), Today.AddDays(1)], [Today.AddDays(2)], Today);
        Assert.Equal(1, state.Current);
        Assert.Equal(0, state.FreezesHeld);
        Assert.Equal(Today, state.LastActiveDay);
    }

    [Fact]
    public void Longest_survives_later_resets()
    {
        var state = Calc([20, 19, 18, 17, 16, 15, 14, 2, 1]);
        Assert.Equal(7, state.Longest);
        Assert.Equal(2, state.Current);
    }

    [Fact]
    public void Weekly_streak_counts_consecutive_weeks_ending_this_week()
    {
        // Today is Wednesday 2026-11-25: this week starts 11-23, then 11-16, 11-09.
        var state = Calc([], [1, 8, 15]);
        Assert.Equal(3, state.WeeklyStreak);
    }

    [Fact]
    public void Weekly_streak_may_end_last_week_while_this_week_is_open()
    {
        var state = Calc([], [8, 15]);
        Assert.Equal(2, state.WeeklyStreak);
    }

    [Fact]
    public void Weekly_streak_breaks_on_a_gap_week()
    {
        var state = Calc([], [1, 15, 22]);
        Assert.Equal(1, state.WeeklyStreak);
        Assert.Equal(0, Calc([], [15, 22]).WeeklyStreak);
    }

    [Fact]
    public void Last_12_weeks_run_oldest_to_newest_on_iso_mondays()
    {
        var state = Calc([0, 1, 7], [8]);
        var weeks = state.Last12Weeks;
        Assert.Equal(new DateOnly(2026, 11, 23), weeks[^1].WeekStart);
        Assert.Equal(new DateOnly(2026, 9, 7), weeks[0].WeekStart);
        Assert.All(weeks, w => Assert.Equal(DayOfWeek.Monday, w.WeekStart.DayOfWeek));
        Assert.Equal(2, weeks[^1].ActiveDays);
        Assert.False(weeks[^1].TaskCompleted);
        Assert.Equal(1, weeks[^2].ActiveDays);
        Assert.True(weeks[^2].TaskCompleted);
    }

    [Fact]
    public void Sunday_belongs_to_the_week_that_started_the_monday_before()
    {
        Assert.Equal(new DateOnly(2026, 11, 23), IsoWeek.StartOf(new DateOnly(2026, 11, 29)));
        Assert.Equal(new DateOnly(2026, 11, 30), IsoWeek.StartOf(new DateOnly(2026, 11, 30)));
    }

    [Fact]
    public void Dates_across_a_dst_change_are_plain_consecutive_days()
    {
        // Europe/Berlin leaves summer time on 2026-10-25; on DateOnly that day is just another day.
        var today = new DateOnly(2026, 10, 26);
        var state = StreakCalculator.Calculate([new(2026, 10, 24), new(2026, 10, 25), today], [], today);
        Assert.Equal(3, state.Current);
    }

    [Theory]
    [InlineData(0, 0, 5)]
    [InlineData(1, 0, 5)]
    [InlineData(2, 0, 0)]
    [InlineData(2, 1, 5)]
    [InlineData(3, 1, 0)]
    [InlineData(3, 2, 5)]
    public void Current_as_of_today_ages_a_summary_with_its_freezes(int daysSinceActive, int freezes, int expected)
    {
        var last = Today.AddDays(-daysSinceActive);
        Assert.Equal(expected, StreakCalculator.CurrentAsOf(last, 5, freezes, Today));
    }

    // Streak rule: at most one freeze is earned per local ISO week, however many weekly tasks are finished in it.
    [Fact]
    public void Several_task_completions_in_one_week_earn_one_freeze()
    {
        var state = Calc([0], [0, 0, 1]);
        Assert.Equal(1, state.FreezesHeld);
    }

    [Fact]
    public void Task_completions_in_two_weeks_earn_a_freeze_each()
    {
        var state = Calc([0], [7, 0]);
        Assert.Equal(2, state.FreezesHeld);
    }
}
