using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace MentorBot.Core.Delivery;

public static class DeliveryServiceCollectionExtensions
{
    /// <summary>
    /// Registers the weekly delivery engine and its hosted service, beside <c>AddMentorBotCore</c>. The host also registers <see cref="IDeliveryOutbox"/>,
    /// <see cref="IUndeliverableNotices"/>, one <see cref="IOutboundMessenger"/> per platform and binds
    /// <see cref="DeliveryOptions"/>.
    /// </summary>
    public static IServiceCollection AddDeliveryEngine(this IServiceCollection services)
    {
        services.TryAddSingleton<DeliveryComposer>();
        services.TryAddSingleton<DeliveryMetrics>();
        services.TryAddSingleton<DeliveryEngine>();
        services.AddHostedService<DeliveryService>();
        return services;
    }
}
