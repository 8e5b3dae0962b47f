using MentorBot.Core.Identity;

namespace MentorBot.Core.Privacy;

/// <summary>
/// Open <c>/forget</c> requests waiting for their confirmation. With several hosts on one database the confirmation may
/// reach another host than the request did (Slack and Discord HTTP modes behind a load balancer), so a provider shared by
/// hosts keeps them in the database; a single-host provider may keep them in memory.
/// </summary>
/// <remarks>
/// Contract: <see cref="TakeAsync"/> hands a request to at most one caller, on any host; a request it hands out is gone.
/// A request holds only the learner's id and when it ends, and is dropped once it has ended (at the latest when a later
/// request is opened), so it is not personal data worth listing in <c>/mydata</c>.
/// </remarks>
public interface IForgetRequests
{
    /// <summary>Opens, or renews, <paramref name="learner"/>'s request until <paramref name="until"/>, and drops every request ended by <paramref name="now"/>.</summary>
    Task OpenAsync(LearnerId learner, DateTimeOffset until, DateTimeOffset now, CancellationToken cancellationToken = default);

    /// <summary>Removes <paramref name="learner"/>'s request and returns when it ends (perhaps already past); null when there is none.</summary>
    Task<DateTimeOffset?> TakeAsync(LearnerId learner, CancellationToken cancellationToken = default);
}
