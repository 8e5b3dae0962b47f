using MentorBot.Core.Delivery;
using MentorBot.Core.Learners;
using MentorBot.Core.Roadmap;
using MentorBot.Core.Streaks;
using MentorBot.Core.Subscriptions;

namespace MentorBot.Core.Privacy;

/// <summary>What the mentoring stores hold about one learner (see <see cref="ILearnerDataStore.ExportAsync"/>).</summary>
public sealed record LearnerData(
    LearnerProfile? Profile,
    IReadOnlyList<Checkin> Checkins,
    IReadOnlyList<TaskCompletion> TaskCompletions,
    StreakSummary? Streak,
    Subscription? Subscription,
    IReadOnlyList<LearnerSubmission> Submissions,
    IReadOnlyList<DeliveryRecord> Deliveries,
    UndeliverableNotice? UndeliverableNotice,
    string? DirectChannelId)
{
    /// <summary>True when no store holds anything about the learner.</summary>
    public bool IsEmpty => Profile is null && Checkins.Count == 0 && TaskCompletions.Count == 0 && Streak is null
        && Subscription is null && Submissions.Count == 0 && Deliveries.Count == 0 && UndeliverableNotice is null && DirectChannelId is null;
}
