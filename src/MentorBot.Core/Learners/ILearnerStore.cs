using MentorBot.Core.Identity;
using MentorBot.Core.Storage;

namespace MentorBot.Core.Learners;

/// <summary>Learner profiles and their roadmap progress.</summary>
public interface ILearnerStore
{
    Task<LearnerProfile?> GetAsync(LearnerId id, CancellationToken cancellationToken = default);

    /// <summary>Creates or replaces the profile.</summary>
    Task UpsertAsync(LearnerProfile profile, CancellationToken cancellationToken = default);

    /// <summary>Moves the learner from <paramref name="expectedWeek"/> to <paramref name="newWeek"/>; false if they were not on <paramref name="expectedWeek"/>.</summary>
    Task<bool> TryAdvanceWeekAsync(LearnerId id, int expectedWeek, int newWeek, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<LearnerProfile>> ListByCommunityAsync(CommunityId community, CancellationToken cancellationToken = default);
}
