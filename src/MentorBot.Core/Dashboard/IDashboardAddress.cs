namespace MentorBot.Core.Dashboard;

/// <summary>
/// Where this host's dashboard is reached. Registered only when the dashboard is on; <c>/dashboard</c> says it is off
/// without one.
/// </summary>
public interface IDashboardAddress
{
    /// <summary>The base address links are built on (no trailing slash needed); null while it is not known yet.</summary>
    Uri? BaseUrl { get; }
}
