using MentorBot.Core.Identity;
using MentorBot.Core.Storage;

namespace MentorBot.Core.Streaks;

/// <summary>One day of activity. A learner has at most one per <see cref="LocalDate"/>.</summary>
public sealed record Checkin(LearnerId Learner, DateOnly LocalDate, DateTimeOffset At, string? Note);
