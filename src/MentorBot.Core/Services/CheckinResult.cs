using MentorBot.Core.Streaks;

namespace MentorBot.Core.Services;

/// <summary>The outcome of a check-in: <see cref="Added"/> is false when the learner had already checked in that local day.</summary>
public sealed record CheckinResult(bool Added, DateOnly LocalDate, StreakState State);
