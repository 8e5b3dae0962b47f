using MentorBot.Core.Identity;

namespace MentorBot.Core.Storage;

/// <summary>A finished roadmap week. A learner completes each roadmap week at most once.</summary>
public sealed record TaskCompletion(LearnerId Learner, int Week, DateOnly LocalDate, DateTimeOffset At);
