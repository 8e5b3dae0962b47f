using MentorBot.Core.Identity;

namespace MentorBot.Core.Reports;

/// <summary>
/// The read side of the moderators' dashboard: one community's overview and its learners table. Every query is scoped
/// to <c>community</c> inside the store (a learner is in it when the community is among their profile's communities);
/// nothing of another community is read and filtered afterwards. "Now" comes from the <see cref="TimeProvider"/>
/// argument, so a report is reproducible under a fake clock.
/// </summary>
public interface ICommunityReports
{
    /// <summary>Counts and chart series for the overview page. See <see cref="CommunityOverview"/> for each figure.</summary>
    Task<CommunityOverview> GetOverviewAsync(CommunityId community, TimeProvider time, CancellationToken cancellationToken = default);

    /// <summary>
    /// One page of the learners table, searched, sorted and counted in the store.
    /// </summary>
    /// <exception cref="ArgumentException"><paramref name="query"/> fails <see cref="LearnerQuery.Problem"/>.</exception>
    Task<LearnerPage> ListLearnersAsync(CommunityId community, LearnerQuery query, TimeProvider time, CancellationToken cancellationToken = default);
}
