using MentorBot.Core.Dashboard;
using MentorBot.Core.Delivery;
using MentorBot.Core.Faq.QuestionLog;
using MentorBot.Core.Identity;
using MentorBot.Core.Challenges;
using MentorBot.Core.Learners;
using MentorBot.Core.Roadmap;
using MentorBot.Core.Streaks;
using MentorBot.Core.Subscriptions;

namespace MentorBot.Core.Storage;

/// <summary>
/// Everything a storage provider holds, read at once: what <c>storage migrate</c> carries from one provider to another.
/// Challenges and audit entries keep their ids (submissions refer to challenges; the audit log is ordered by id).
/// Left out on purpose: dashboard sessions (moderators sign in again, see docs/storage-and-scaling.md), the schema
/// version, and what each provider derives for itself (report figures, replay memory).
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
    DateTimeOffset? DeliveryCursor,
    IReadOnlyList<(string Name, byte[] Value)> DashboardSettings,
    IReadOnlyList<(string TokenId, DateTimeOffset ExpiresAt)> DashboardSignIns,
    IReadOnlyList<(long Id, DashboardAuditEntry Entry)> DashboardAudit,
    IReadOnlyList<(CommunityId Community, byte[] Salt)> QuestionLogSalts,
    IReadOnlyList<LoggedQuestion> Questions,
    IReadOnlyList<(CommunityId Community, QuestionFeedback Feedback)> QuestionFeedback);
