using MentorBot.Core.Identity;
using MentorBot.Core.Storage;

namespace MentorBot.Core.Roadmap;

/// <summary>A finished roadmap week. A learner completes each roadmap week at most once.</summary>
public sealed record TaskCompletion(LearnerId Learner, int Week, DateOnly LocalDate, DateTimeOffset At);
