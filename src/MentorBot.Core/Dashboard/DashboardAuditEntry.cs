using MentorBot.Core.Identity;

namespace MentorBot.Core.Dashboard;

/// <summary>One dashboard action: who (platform, user and display name), what, when, in which community.</summary>
/// <param name="Action">A short verb such as <c>sign-in</c> or <c>challenge-post</c>.</param>
/// <param name="Detail">What it touched or how it ended, e.g. the challenge title; may be empty.</param>
public sealed record DashboardAuditEntry(CommunityId Community, LearnerId Moderator, string DisplayName, string Action, string Detail, DateTimeOffset At);
