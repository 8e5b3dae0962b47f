using MentorBot.Core.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using MentorBot.Core.Subscriptions;

namespace MentorBot.Core.Delivery;

public static class DeliveryServiceCollectionExtensions
{
    /// <summary>
    /// Registers the weekly delivery engine and its hosted service, beside <c>AddMentorBotCore</c>. The host also
    /// registers <see cref="IDeliveryOutbox"/>, <see cref="IUndeliverableNotices"/>, one <see cref="IOutboundMessenger"/>
    /// per platform and binds <see cref="DeliveryOptions"/>. Call it after the storage registration: the
    /// <see cref="ISubscriptionStore"/> found then is wrapped so /subscribe, /pause and /unsubscribe take effect at once.
    /// </summary>
    public static IServiceCollection AddDeliveryEngine(this IServiceCollection services)
    {
        services.TryAddSingleton<SubscriptionChanges>();
        TrackSubscriptionChanges(services);
        services.TryAddSingleton<DeliveryComposer>();
        services.TryAddSingleton<DeliveryMetrics>();
        services.TryAddSingleton<DeliveryEngine>();
        services.AddHostedService<DeliveryService>();
        return services;
    }

    private static void TrackSubscriptionChanges(IServiceCollection services)
    {
        var original = services.LastOrDefault(d => d.ServiceType == typeof(ISubscriptionStore) && !d.IsKeyedService);
        if (original is null || original.Lifetime != ServiceLifetime.Singleton)
            return;
        services.Remove(original);
        services.AddSingleton<ISubscriptionStore>(sp => new ChangeTrackingSubscriptionStore(Create(original, sp), sp.GetRequiredService<SubscriptionChanges>()));
    }

    private static ISubscriptionStore Create(ServiceDescriptor descriptor, IServiceProvider services) =>
        (ISubscriptionStore)(descriptor.ImplementationInstance
            ?? descriptor.ImplementationFactory?.Invoke(services)
            ?? ActivatorUtilities.CreateInstance(services, descriptor.ImplementationType!));
}
