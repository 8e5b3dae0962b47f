using MentorBot.Core.Delivery;
using MentorBot.Core.Challenges;
using MentorBot.Core.Dashboard;
using MentorBot.Core.Faq.QuestionLog;
using MentorBot.Core.Learners;
using MentorBot.Core.Privacy;
using MentorBot.Core.Reports;
using MentorBot.Core.Streaks;
using MentorBot.Core.Subscriptions;

namespace MentorBot.Core.Storage;

/// <summary>
/// Every store a storage provider must supply, each built from the provider's one shared storage object
/// (<typeparamref name="TStorage"/>, e.g. an open database). A single record rather than a list of registrations per
/// provider: a store interface added to the core stops every provider compiling until it supplies one.
/// </summary>
public sealed record StoreFactories<TStorage>(
    Func<TStorage, ILearnerStore> Learners,
    Func<TStorage, IActivityStore> Activity,
    Func<TStorage, ISubscriptionStore> Subscriptions,
    Func<TStorage, IChallengeStore> Challenges,
    Func<TStorage, IDeliveryOutbox> Outbox,
    Func<TStorage, IUndeliverableNotices> UndeliverableNotices,
    Func<TStorage, IDirectChannelStore> DirectChannels,
    Func<TStorage, ICommunityReports> Reports,
    Func<TStorage, IServiceProvider, IStorageHealth> Health,
    Func<TStorage, IServiceProvider, IReplayGuard> ReplayGuard,
    Func<TStorage, ILearnerDataStore> LearnerData,
    Func<TStorage, IDashboardStore> Dashboard,
    Func<TStorage, IQuestionLog> QuestionLog,
    Func<TStorage, IForgetRequests> ForgetRequests)
    where TStorage : class;
