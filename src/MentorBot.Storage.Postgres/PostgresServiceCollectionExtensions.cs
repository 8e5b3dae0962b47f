using MentorBot.Core.Delivery;
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
        services.TryAddSingleton<ILearnerStore>(sp => new PostgresLearnerStore(sp.GetRequiredService<PostgresStorage>()));
        services.TryAddSingleton<IActivityStore>(sp => new PostgresActivityStore(sp.GetRequiredService<PostgresStorage>()));
        services.TryAddSingleton<ISubscriptionStore>(sp => new PostgresSubscriptionStore(sp.GetRequiredService<PostgresStorage>()));
        services.TryAddSingleton<IChallengeStore>(sp => new PostgresChallengeStore(sp.GetRequiredService<PostgresStorage>()));
        services.TryAddSingleton<IDeliveryOutbox>(sp => new PostgresDeliveryOutbox(sp.GetRequiredService<PostgresStorage>()));
        services.TryAddSingleton<IUndeliverableNotices>(sp => new PostgresUndeliverableNotices(sp.GetRequiredService<PostgresStorage>()));
        services.TryAddSingleton<IDirectChannelStore>(sp => new PostgresDirectChannelStore(sp.GetRequiredService<PostgresStorage>()));
        services.TryAddSingleton<IStorageHealth>(sp => new PostgresStorageHealth(
            sp.GetRequiredService<PostgresStorage>(),
            sp.GetService<ILogger<PostgresStorageHealth>>()));
        return services;
    }
}
