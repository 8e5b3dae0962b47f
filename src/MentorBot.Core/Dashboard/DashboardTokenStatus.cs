namespace MentorBot.Core.Dashboard;

/// <summary>The outcome of checking a sign-in token's signature and age.</summary>
public enum DashboardTokenStatus
{
    Valid,

    /// <summary>Not a token, or its signature does not match: forged or mangled.</summary>
    Invalid,

    Expired,
}
