using MentorBot.Core.Identity;
using MentorBot.Core.Storage;

namespace MentorBot.Core.Challenges;

/// <summary>Challenges and their submissions.</summary>
public interface IChallengeStore
{
    /// <summary>Stores the challenge (its <see cref="Challenge.Id"/> is ignored) and returns it with the id the store assigned.</summary>
    Task<Challenge> CreateAsync(Challenge challenge, CancellationToken cancellationToken = default);

    Task<Challenge?> GetAsync(int id, CancellationToken cancellationToken = default);

    /// <summary>Challenges of the community, newest first; closed ones only when asked.</summary>
    Task<IReadOnlyList<Challenge>> ListAsync(CommunityId community, bool includeClosed, CancellationToken cancellationToken = default);

    /// <summary>Marks the challenge closed; false if it does not exist or was already closed.</summary>
    Task<bool> TryCloseAsync(int id, DateTimeOffset closedAt, CancellationToken cancellationToken = default);

    /// <summary>
    /// Adds or replaces the learner's submission to the challenge if, and only if, the challenge is open: the check and
    /// the write are one atomic step against <see cref="TryCloseAsync"/>, so a submission either is stored before the
    /// close (and listed by <see cref="ListSubmissionsAsync"/> after it) or is refused as closed. Checking
    /// <see cref="Challenge.ClosedAt"/> first and writing after is not enough: a close can land in between.
    /// </summary>
    Task<SubmissionOutcome> UpsertSubmissionAsync(ChallengeSubmission submission, CancellationToken cancellationToken = default);

    /// <summary>Submissions to the challenge, oldest first.</summary>
    Task<IReadOnlyList<ChallengeSubmission>> ListSubmissionsAsync(int challengeId, CancellationToken cancellationToken = default);
}
