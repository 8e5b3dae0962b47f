using MentorBot.Core.Delivery;
using MentorBot.Core.Identity;
using MentorBot.Core.Challenges;
using MentorBot.Core.Learners;
using MentorBot.Core.Roadmap;
using MentorBot.Core.Streaks;
using MentorBot.Core.Subscriptions;

namespace MentorBot.Core.Storage;

/// <summary>
/// Everything a storage provider holds, read at once: what <c>storage migrate</c> carries from one provider to another.
/// Challenges keep their ids, since submissions refer to them.
/// </summary>
public sealed record StorageSnapshot(
    IReadOnlyList<LearnerProfile> Learners,
    IReadOnlyList<Checkin> Checkins,
    IReadOnlyList<TaskCompletion> TaskCompletions,
    IReadOnlyList<StreakSummary> StreakSummaries,
    IReadOnlyList<Subscription> Subscriptions,
    IReadOnlyList<Challenge> Challenges,
    IReadOnlyList<ChallengeSubmission> Submissions,
    IReadOnlyList<DeliveryRecord> Deliveries,
    IReadOnlyList<UndeliverableNotice> Notices,
    IReadOnlyList<(LearnerId Learner, string ChannelId)> DirectChannels,
    DateTimeOffset? DeliveryCursor);
