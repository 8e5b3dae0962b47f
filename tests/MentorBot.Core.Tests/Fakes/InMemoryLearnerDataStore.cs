using MentorBot.Core.Identity;
using MentorBot.Core.Privacy;

namespace MentorBot.Core.Tests.Fakes;

/// <summary>The privacy store over the harness's in-memory stores, doing what the providers do (pinned by the contract suite).</summary>
internal sealed class InMemoryLearnerDataStore(
    InMemoryLearnerStore learners,
    InMemoryActivityStore activity,
    InMemorySubscriptionStore subscriptions,
    InMemoryChallengeStore challenges,
    InMemoryDeliveryOutbox outbox,
    InMemoryUndeliverableNotices notices) : ILearnerDataStore
{
    public async Task<LearnerData> ExportAsync(LearnerId learner, CancellationToken cancellationToken = default)
    {
        var submissions = challenges.Submissions.Where(s => s.Learner == learner)
            .Select(s => new LearnerSubmission(s, challenges.All.Single(c => c.Id == s.ChallengeId)))
            .ToList();
        return new LearnerData(
            await learners.GetAsync(learner, cancellationToken),
            await activity.ListCheckinsAsync(learner, cancellationToken),
            await activity.ListTaskCompletionsAsync(learner, cancellationToken),
            await activity.GetStreakSummaryAsync(learner, cancellationToken),
            await subscriptions.GetAsync(learner, cancellationToken),
            submissions,
            [.. outbox.All.Where(r => r.Learner == learner)],
            notices.Peek(learner),
            null);
    }

    public Task<LearnerErasure> ForgetAsync(LearnerId learner, CancellationToken cancellationToken = default)
    {
        var (checkins, completions, summaries) = activity.Remove(learner);
        var (deleted, anonymised) = challenges.Forget(learner);
        return Task.FromResult(new LearnerErasure(
            learners.Remove(learner), checkins, completions, summaries, subscriptions.Remove(learner), deleted,
            outbox.Remove(learner), notices.Remove(learner), 0, anonymised));
    }
}
