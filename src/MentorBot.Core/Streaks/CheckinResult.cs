using MentorBot.Core.Streaks;

namespace MentorBot.Core.Streaks;

/// <summary>The outcome of a check-in: <see cref="Added"/> is false when the learner had already checked in that local day.</summary>
public sealed record CheckinResult(bool Added, DateOnly LocalDate, StreakState State)
{
    /// <summary>
    /// Set when the check-in was refused because the latest one, recorded under this other date before a time zone
    /// change, already happened today as seen from the learner's current zone.
    /// </summary>
    public DateOnly? CountedToday { get; init; }
}
