using MentorBot.Core.Delivery;
using MentorBot.Host.Delivery;

// In the host's root namespace so BotApplication calls it with one line and no extra using.
namespace MentorBot.Host;

internal static class DeliveryHostExtensions
{
    /// <summary>
    /// The weekly delivery engine with <c>Delivery:*</c> options checked at start, and the console's messenger when
    /// the console adapter runs. Platform adapters register their own <see cref="IOutboundMessenger"/>.
    /// </summary>
    public static IServiceCollection AddDelivery(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<DeliveryOptions>()
            .Bind(configuration.GetSection(DeliveryOptions.SectionName))
            .Validate(o => o.PollInterval > TimeSpan.Zero, "Delivery:PollInterval must be positive, e.g. 00:00:30.")
            .Validate(o => o.CatchUpWindow >= TimeSpan.Zero, "Delivery:CatchUpWindow must not be negative, e.g. 1.00:00:00.")
            .Validate(o => o.SubscriptionRefreshInterval >= TimeSpan.Zero, "Delivery:SubscriptionRefreshInterval must not be negative, e.g. 00:05:00.")
            .Validate(o => o.InitialRetryDelay > TimeSpan.Zero, "Delivery:InitialRetryDelay must be positive.")
            .Validate(o => o.MaxRetryDelay >= o.InitialRetryDelay, "Delivery:MaxRetryDelay must be at least Delivery:InitialRetryDelay.")
            .ValidateOnStart();
        services.AddDeliveryEngine();
        if (BotApplication.ConsoleEnabled(configuration))
            services.AddSingleton<IOutboundMessenger, ConsoleMessenger>();
        return services;
    }
}
