using MentorBot.Core.Identity;
using MentorBot.Core.Storage;

namespace MentorBot.Core.Learners;

/// <summary>What MentorBot remembers about a learner. <see cref="CurrentWeek"/> is the 1-based roadmap week they are on.</summary>
public sealed record LearnerProfile(
    LearnerId Id,
    string DisplayName,
    string TimeZoneId,
    int CurrentWeek,
    IReadOnlyList<CommunityId> Communities,
    DateTimeOffset CreatedAt);
