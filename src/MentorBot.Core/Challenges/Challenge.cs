using MentorBot.Core.Identity;
using MentorBot.Core.Storage;

namespace MentorBot.Core.Challenges;

/// <summary>A moderator's challenge in one community. <see cref="Id"/> is assigned by the store.</summary>
public sealed record Challenge(
    int Id,
    CommunityId Community,
    string Title,
    string Description,
    DateOnly Due,
    LearnerId PostedBy,
    DateTimeOffset PostedAt,
    DateTimeOffset? ClosedAt);
