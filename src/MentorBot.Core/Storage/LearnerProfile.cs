using MentorBot.Core.Identity;

namespace MentorBot.Core.Storage;

/// <summary>What MentorBot remembers about a learner. <see cref="CurrentWeek"/> is the 1-based roadmap week they are on.</summary>
public sealed record LearnerProfile(
    LearnerId Id,
    string DisplayName,
    string TimeZoneId,
    int CurrentWeek,
    IReadOnlyList<CommunityId> Communities,
    DateTimeOffset CreatedAt);
