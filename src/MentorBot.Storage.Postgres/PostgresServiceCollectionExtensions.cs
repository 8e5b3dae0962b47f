using MentorBot.Core;
using MentorBot.Core.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace MentorBot.Storage.Postgres;

public static class PostgresServiceCollectionExtensions
{
    /// <summary>
    /// Registers the PostgreSQL storage: <see cref="PostgresStorageOptions"/> bound from the <c>Storage</c> section,
    /// one shared <see cref="PostgresStorage"/> (connected and migrated when first resolved) and every store interface.
    /// </summary>
    public static IServiceCollection AddPostgresStorage(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);

        services.AddOptions<PostgresStorageOptions>().Bind(configuration.GetSection(PostgresStorageOptions.SectionName));
        services.TryAddSingleton(sp => new PostgresStorage(
            sp.GetRequiredService<IOptions<PostgresStorageOptions>>().Value,
            sp.GetService<ILogger<PostgresStorage>>()));
        services.AddStores(new StoreFactories<PostgresStorage>(
            Learners: s => new PostgresLearnerStore(s),
            Activity: s => new PostgresActivityStore(s),
            Subscriptions: s => new PostgresSubscriptionStore(s),
            Challenges: s => new PostgresChallengeStore(s),
            Outbox: s => new PostgresDeliveryOutbox(s),
            UndeliverableNotices: s => new PostgresUndeliverableNotices(s),
            DirectChannels: s => new PostgresDirectChannelStore(s),
            Reports: s => new PostgresCommunityReports(s),
            Health: (s, sp) => new PostgresStorageHealth(s, sp.GetService<ILogger<PostgresStorageHealth>>()),
            ReplayGuard: (s, sp) => new PostgresReplayGuard(s, sp.GetService<TimeProvider>() ?? TimeProvider.System),
            LearnerData: s => new PostgresLearnerDataStore(s),
            Dashboard: s => new PostgresDashboardStore(s),
            QuestionLog: s => new PostgresQuestionLog(s),
            ForgetRequests: s => new PostgresForgetRequests(s)));
        return services;
    }
}
