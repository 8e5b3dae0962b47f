using MentorBot.Core.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace MentorBot.Core;

public static class StorageServiceCollectionExtensions
{
    /// <summary>
    /// Registers every store interface of the core as a singleton built by <paramref name="stores"/> from the
    /// provider's <typeparamref name="TStorage"/>, which the provider registers itself. TryAdd, so a test or host may
    /// put its own implementation of any one store in first.
    /// </summary>
    public static IServiceCollection AddStores<TStorage>(this IServiceCollection services, StoreFactories<TStorage> stores)
        where TStorage : class
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(stores);

        services.TryAddSingleton(sp => stores.Learners(sp.GetRequiredService<TStorage>()));
        services.TryAddSingleton(sp => stores.Activity(sp.GetRequiredService<TStorage>()));
        services.TryAddSingleton(sp => stores.Subscriptions(sp.GetRequiredService<TStorage>()));
        services.TryAddSingleton(sp => stores.Challenges(sp.GetRequiredService<TStorage>()));
        services.TryAddSingleton(sp => stores.Outbox(sp.GetRequiredService<TStorage>()));
        services.TryAddSingleton(sp => stores.UndeliverableNotices(sp.GetRequiredService<TStorage>()));
        services.TryAddSingleton(sp => stores.DirectChannels(sp.GetRequiredService<TStorage>()));
        services.TryAddSingleton(sp => stores.Reports(sp.GetRequiredService<TStorage>()));
        services.TryAddSingleton(sp => stores.Health(sp.GetRequiredService<TStorage>(), sp));
        services.TryAddSingleton(sp => stores.ReplayGuard(sp.GetRequiredService<TStorage>(), sp));
        services.TryAddSingleton(sp => stores.LearnerData(sp.GetRequiredService<TStorage>()));
        services.TryAddSingleton(sp => stores.Dashboard(sp.GetRequiredService<TStorage>()));
        services.TryAddSingleton(sp => stores.QuestionLog(sp.GetRequiredService<TStorage>()));
        services.TryAddSingleton(sp => stores.ForgetRequests(sp.GetRequiredService<TStorage>()));
        return services;
    }
}
