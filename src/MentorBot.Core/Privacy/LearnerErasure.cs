namespace MentorBot.Core.Privacy;

/// <summary>What <see cref="ILearnerDataStore.ForgetAsync"/> did: rows deleted per kind, and closed-challenge submissions anonymised.</summary>
public sealed record LearnerErasure(
    int Learner,
    int Checkins,
    int TaskCompletions,
    int StreakSummaries,
    int Subscriptions,
    int OpenSubmissions,
    int Deliveries,
    int UndeliverableNotices,
    int DirectChannels,
    int ClosedSubmissionsAnonymised)
{
    public static LearnerErasure None { get; } = new(0, 0, 0, 0, 0, 0, 0, 0, 0, 0);
}
