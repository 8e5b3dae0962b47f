using MentorBot.Core.Delivery;
using MentorBot.Core.Storage;
using MentorBot.Core.Challenges;
using MentorBot.Core.Dashboard;
using MentorBot.Core.Faq.QuestionLog;
using MentorBot.Core.Learners;
using MentorBot.Core.Privacy;
using MentorBot.Core.Reports;
using MentorBot.Core.Streaks;
using MentorBot.Core.Subscriptions;

namespace MentorBot.Storage.Contract;

/// <summary>Every store interface of one provider over one open database, as a host would resolve them.</summary>
public sealed record StorageStores(
    ILearnerStore Learners,
    IActivityStore Activity,
    ISubscriptionStore Subscriptions,
    IChallengeStore Challenges,
    IDeliveryOutbox Outbox,
    IUndeliverableNotices Notices,
    IDirectChannelStore DirectChannels,
    IStorageHealth Health,
    ILearnerDataStore LearnerData,
    IDashboardStore Dashboard)
{
    /// <summary>The dashboard's report queries over the same database.</summary>
    public required ICommunityReports Reports { get; init; }

    public required IQuestionLog QuestionLog { get; init; }
}
