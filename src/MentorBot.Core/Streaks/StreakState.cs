namespace MentorBot.Core.Streaks;

/// <summary>
/// A learner's streaks as of their local "today". <see cref="Last12Weeks"/> runs oldest to newest and ends with
/// the current ISO week.
/// </summary>
public sealed record StreakState(
    int Current,
    int Longest,
    int FreezesHeld,
    int WeeklyStreak,
    DateOnly? LastActiveDay,
    IReadOnlyList<WeekActivity> Last12Weeks)
{
    public static StreakState Empty(DateOnly today) => new(0, 0, 0, 0, null, StreakCalculator.Weeks([], [], today));
}
