namespace MentorBot.Core.Streaks;

/// <summary>A one-line picture of recent weeks that survives every chat platform's formatting.</summary>
public static class StreakGrid
{
    public const string None = "⬜";
    public const string Active = "🟩";
    public const string TaskDone = "⭐";

    /// <summary>One symbol per week, oldest first: ⭐ task done, 🟩 checked in at least once, ⬜ nothing.</summary>
    public static string Render(IReadOnlyList<WeekActivity> weeks) =>
        string.Concat(weeks.Select(w => w.TaskCompleted ? TaskDone : w.ActiveDays > 0 ? Active : None));

    public static string Legend => $"{TaskDone} task done · {Active} checked in · {None} quiet week";
}
