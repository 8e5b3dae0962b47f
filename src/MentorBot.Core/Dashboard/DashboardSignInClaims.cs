using MentorBot.Core.Identity;

namespace MentorBot.Core.Dashboard;

/// <summary>What a sign-in link vouches for: this moderator, in this community, until <see cref="ExpiresAt"/>.</summary>
/// <param name="TokenId">Random; remembered in storage when the link is used, so it works once.</param>
public sealed record DashboardSignInClaims(string TokenId, CommunityId Community, LearnerId Moderator, string DisplayName, DateTimeOffset ExpiresAt);
