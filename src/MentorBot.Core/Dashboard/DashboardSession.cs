using MentorBot.Core.Identity;

namespace MentorBot.Core.Dashboard;

/// <summary>
/// A signed-in moderator's session, scoped to one community. <see cref="Id"/> is the SHA-256 of the cookie's secret,
/// so a copy of the database cannot be replayed as cookies.
/// </summary>
public sealed record DashboardSession(string Id, CommunityId Community, LearnerId Moderator, string DisplayName, DateTimeOffset CreatedAt, DateTimeOffset ExpiresAt);
