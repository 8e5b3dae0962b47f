using MentorBot.Core;
using MentorBot.Core.Privacy;
using MentorBot.Core.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace MentorBot.Storage.LiteDb;

public static class LiteDbServiceCollectionExtensions
{
    /// <summary>
    /// Registers the LiteDB storage: <see cref="LiteDbStorageOptions"/> bound from the <c>Storage</c> section,
    /// one shared <see cref="LiteDbContext"/> and every store interface, all singletons.
    /// </summary>
    public static IServiceCollection AddLiteDbStorage(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);

        services.AddOptions<LiteDbStorageOptions>().Bind(configuration.GetSection(LiteDbStorageOptions.SectionName));
        services.TryAddSingleton(sp => new LiteDbContext(
            sp.GetRequiredService<IOptions<LiteDbStorageOptions>>().Value,
            sp.GetService<ILogger<LiteDbContext>>()));
        services.AddStores(new StoreFactories<LiteDbContext>(
            Learners: c => new LiteDbLearnerStore(c),
            Activity: c => new LiteDbActivityStore(c),
            Subscriptions: c => new LiteDbSubscriptionStore(c),
            Challenges: c => new LiteDbChallengeStore(c),
            Outbox: c => new LiteDbDeliveryOutbox(c),
            UndeliverableNotices: c => new LiteDbUndeliverableNotices(c),
            DirectChannels: c => new LiteDbDirectChannelStore(c),
            Reports: c => new LiteDbCommunityReports(c),
            Health: (c, sp) => new LiteDbStorageHealth(c, sp.GetService<ILogger<LiteDbStorageHealth>>()),
            ReplayGuard: (_, sp) => new InMemoryReplayGuard(sp.GetService<TimeProvider>() ?? TimeProvider.System),
            LearnerData: c => new LiteDbLearnerDataStore(c),
            Dashboard: c => new LiteDbDashboardStore(c),
            QuestionLog: c => new LiteDbQuestionLog(c),
            // One host owns a LiteDB file, so a request and its confirmation always meet in this host's memory.
            ForgetRequests: _ => new InMemoryForgetRequests()));
        return services;
    }
}
