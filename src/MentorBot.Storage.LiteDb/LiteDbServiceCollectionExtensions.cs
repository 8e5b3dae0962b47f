using MentorBot.Core.Delivery;
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
        services.TryAddSingleton<ILearnerStore>(sp => new LiteDbLearnerStore(sp.GetRequiredService<LiteDbContext>()));
        services.TryAddSingleton<IActivityStore>(sp => new LiteDbActivityStore(sp.GetRequiredService<LiteDbContext>()));
        services.TryAddSingleton<ISubscriptionStore>(sp => new LiteDbSubscriptionStore(sp.GetRequiredService<LiteDbContext>()));
        services.TryAddSingleton<IChallengeStore>(sp => new LiteDbChallengeStore(sp.GetRequiredService<LiteDbContext>()));
        services.TryAddSingleton<IDeliveryOutbox>(sp => new LiteDbDeliveryOutbox(sp.GetRequiredService<LiteDbContext>()));
        services.TryAddSingleton<IUndeliverableNotices>(sp => new LiteDbUndeliverableNotices(sp.GetRequiredService<LiteDbContext>()));
        services.TryAddSingleton<IDirectChannelStore>(sp => new LiteDbDirectChannelStore(sp.GetRequiredService<LiteDbContext>()));
        services.TryAddSingleton<IStorageHealth>(sp => new LiteDbStorageHealth(
            sp.GetRequiredService<LiteDbContext>(),
            sp.GetService<ILogger<LiteDbStorageHealth>>()));
        return services;
    }
}
