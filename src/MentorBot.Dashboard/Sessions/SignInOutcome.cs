using MentorBot.Core.Dashboard;

namespace MentorBot.Dashboard.Sessions;

/// <summary>What exchanging a sign-in link gave: a session and its cookie secret, or why not.</summary>
public sealed record SignInOutcome(SignInStatus Status, DashboardSession? Session, string? CookieSecret);
