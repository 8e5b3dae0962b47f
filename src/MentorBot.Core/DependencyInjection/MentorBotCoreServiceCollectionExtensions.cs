using MentorBot.Core.Commands;
using MentorBot.Core.Commands.Handlers;
using MentorBot.Core.Delivery;
using MentorBot.Core.Text;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using MentorBot.Core.Challenges;
using MentorBot.Core.Dashboard;
using MentorBot.Core.Faq;
using MentorBot.Core.Faq.QuestionLog;
using MentorBot.Core.Learners;
using MentorBot.Core.Roadmap;
using MentorBot.Core.Streaks;
using MentorBot.Core.Subscriptions;

namespace MentorBot.Core;

public static class MentorBotCoreServiceCollectionExtensions
{
    /// <summary>
    /// Registers the platform-free core: services, command handlers (in <c>/help</c> order), the dispatcher and the
    /// text parser. The host must also register <c>IFaqService</c>, <c>IKnowledgeProvider</c> and the stores
    /// (<c>ILearnerStore</c>, <c>IActivityStore</c>, <c>IChallengeStore</c>, <c>ISubscriptionStore</c>, <c>ILearnerDataStore</c>) as singletons
    /// or as services safe to share, since everything here is a singleton. <c>IDeliveryOutbox</c> and
    /// <c>IUndeliverableNotices</c> are optional: with them <c>/schedule</c> works and bounced deliveries are reported.
    /// </summary>
    public static IServiceCollection AddMentorBotCore(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddBackgroundWork();

        services.TryAddSingleton<LearnerLocks>();
        services.TryAddSingleton<LearnerService>();
        services.TryAddSingleton<StreakService>();
        services.TryAddSingleton<LeaderboardService>();
        services.TryAddSingleton<RoadmapProgressService>();
        services.TryAddSingleton<ChallengeService>();
        services.TryAddSingleton<SubscriptionService>();
        // Announcements need the host's DeliveryOptions and messengers; without them there is simply nothing to announce.
        services.AddOptions();
        services.TryAddSingleton<ChallengeAnnouncer>();
        services.AddSingleton<Privacy.IPersonalDataSource, Privacy.LearnerDataSource>();
        services.TryAddSingleton<Privacy.PrivacyService>();
        // The question log is off without an IQuestionLog store (FaqQuestionLog takes it as optional).
        services.AddOptions<QuestionLogOptions>();
        services.TryAddSingleton<FaqQuestionLog>();
        services.AddSingleton<Privacy.IPersonalDataSource, QuestionLogDataSource>();
        services.AddHostedService<QuestionLogPruner>();
        services.AddHostedService<QuestionLogShutdown>();

        services.AddSingleton<ICommandHandler, FaqHandler>();
        services.AddSingleton<ICommandHandler, RoadmapHandler>();
        services.AddSingleton<ICommandHandler, TaskHandler>();
        services.AddSingleton<ICommandHandler, CheckinHandler>();
        services.AddSingleton<ICommandHandler, StreakHandler>();
        services.AddSingleton<ICommandHandler, LeaderboardHandler>();
        services.AddSingleton<ICommandHandler, ChallengeHandler>();
        services.AddSingleton<ICommandHandler, SubscribeHandler>();
        services.AddSingleton<ICommandHandler, UnsubscribeHandler>();
        services.AddSingleton<ICommandHandler, PauseHandler>();
        services.AddSingleton<ICommandHandler, ScheduleHandler>();
        services.AddSingleton<ICommandHandler, Privacy.MyDataHandler>();
        services.AddSingleton<ICommandHandler, Privacy.ForgetHandler>();
        services.AddSingleton<ICommandHandler, DashboardHandler>();
        services.AddSingleton<ICommandHandler, HelpHandler>();

        services.TryAddSingleton<CommandDispatcher>();
        // With a notice store registered (the delivery engine's), learners hear once that their weekly message bounced.
        services.TryAddSingleton<ICommandDispatcher>(sp => sp.GetService<IUndeliverableNotices>() is { } notices
            ? new UndeliverableNoticeDispatcher(sp.GetRequiredService<CommandDispatcher>(), notices)
            : sp.GetRequiredService<CommandDispatcher>());
        services.TryAddSingleton(sp => new TextCommandParser(sp.GetRequiredService<ICommandDispatcher>().Commands));
        return services;
    }
}
