using MentorBot.Core.Identity;

namespace MentorBot.Core.Storage;

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
