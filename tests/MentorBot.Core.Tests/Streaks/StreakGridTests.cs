using MentorBot.Core.Streaks;

namespace MentorBot.Core.Tests.Streaks;

public sealed class StreakGridTests
{
    [Fact]
    public void Renders_one_symbol_per_week_with_task_weeks_starred()
    {
        var monday = new DateOnly(2026, 11, 2);
        var weeks = new[]
        {
            new WeekActivity(monday, 0, false),
            new WeekActivity(monday.AddDays(7), 3, false),
            new WeekActivity(monday.AddDays(14), 1, true),
        };
        Assert.Equal("⬜🟩⭐", StreakGrid.Render(weeks));
    }

    [Fact]
    public void Empty_history_renders_twelve_blank_weeks()
    {
        var state = StreakState.Empty(new DateOnly(2026, 11, 25));
        Assert.Equal(string.Concat(Enumerable.Repeat("⬜", 12)), StreakGrid.Render(state.Last12Weeks));
    }
}
