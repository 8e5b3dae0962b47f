namespace MentorBot.Core.Streaks;

/// <summary>One ISO week (starting <see cref="WeekStart"/>, a Monday) of a learner's activity.</summary>
public sealed record WeekActivity(DateOnly WeekStart, int ActiveDays, bool TaskCompleted);
