using MentorBot.Core.Identity;

namespace MentorBot.Core.Privacy;

/// <summary>
/// Everything the mentoring stores (learner, activity, subscription, challenges, outbox, notices, DM channels) hold
/// about one learner, read and erased as a whole. One store rather than a method on each: the erasure must be one
/// transaction, and only the provider can make its stores share one.
/// </summary>
public interface ILearnerDataStore
{
    /// <summary>Every row about <paramref name="learner"/>, in every community; empty lists and nulls when there is nothing.</summary>
    Task<LearnerData> ExportAsync(LearnerId learner, CancellationToken cancellationToken = default);

    /// <summary>
    /// Erases <paramref name="learner"/> atomically: the learner record, check-ins, task completions, streak summary,
    /// subscription, outbox rows, pending notice, DM channel and submissions to open challenges are deleted; their
    /// submissions to closed challenges are kept with the learner replaced by <see cref="FormerLearner"/> and the link
    /// dropped, so a closed challenge keeps its count and order. Nothing at all changes if it fails.
    /// </summary>
    Task<LearnerErasure> ForgetAsync(LearnerId learner, CancellationToken cancellationToken = default);
}
