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
    public static IServiceCollection AddDelivery(this IServiceCollection services, IConfiguration configuration, AdapterSelection? adapters = null)
    {
        adapters ??= AdapterSelection.Resolve(configuration);
        services.AddOptions<DeliveryOptions>()
            .Bind(configuration.GetSection(DeliveryOptions.SectionName))
            .Validate(o => o.PollInterval > TimeSpan.Zero, "Delivery:PollInterval must be positive, e.g. 00:00:30.")
            .Validate(o => o.CatchUpWindow >= TimeSpan.Zero, "Delivery:CatchUpWindow must not be negative, e.g. 1.00:00:00.")
            .Validate(o => o.SubscriptionRefreshInterval >= TimeSpan.Zero, "Delivery:SubscriptionRefreshInterval must not be negative, e.g. 00:05:00.")
            .Validate(o => o.InitialRetryDelay > TimeSpan.Zero, "Delivery:InitialRetryDelay must be positive.")
            .Validate(o => o.MaxRetryDelay >= o.InitialRetryDelay, "Delivery:MaxRetryDelay must be at least Delivery:InitialRetryDelay.")
            .Validate(o => o.MaxConcurrentSends is >= 1 and <= 64, "Delivery:MaxConcurrentSends must be between 1 and 64.")
            .Validate(o => o.ClaimLease > TimeSpan.Zero, "Delivery:ClaimLease must be positive, e.g. 00:02:00.")
            .Validate(o => o.ClaimBatchSize is >= 1 and <= 10_000, "Delivery:ClaimBatchSize must be between 1 and 10000.")
            .Validate(o => o.EnqueueBatchSize is >= 1 and <= 10_000, "Delivery:EnqueueBatchSize must be between 1 and 10000.")
            .Validate(o => o.MarkBatchSize is >= 1 and <= 10_000, "Delivery:MarkBatchSize must be between 1 and 10000.")
            .Validate(o => o.MarkFlushInterval >= TimeSpan.Zero, "Delivery:MarkFlushInterval must not be negative, e.g. 00:00:00.250.")
            .Validate(o => o.HostId is null || (o.HostId.Trim().Length is >= 1 and <= 200), "Delivery:HostId, when set, must be 1 to 200 characters.")
            .Configure(o => ReadAnnouncementChannels(configuration, o))
            .Validate(o => o.AnnouncementChannels.All(c => IsCommunityId(c.Key) && !string.IsNullOrWhiteSpace(c.Value)),
                "Delivery:AnnouncementChannels maps community ids (platform:id, e.g. discord:123456) to non-empty channel ids.")
            .ValidateOnStart();
        services.AddDeliveryEngine();
        if (adapters.Console)
            services.AddSingleton<IOutboundMessenger, ConsoleMessenger>();
        return services;
    }

    /// <summary>
    /// A community id contains a colon, which configuration reads as a section separator, so the binder cannot map
    /// the keys; every value below <c>Delivery:AnnouncementChannels</c> is read with its relative path as the key.
    /// </summary>
    internal static void ReadAnnouncementChannels(IConfiguration configuration, DeliveryOptions options)
    {
        options.AnnouncementChannels.Clear();
        var section = configuration.GetSection(DeliveryOptions.SectionName).GetSection(nameof(DeliveryOptions.AnnouncementChannels));
        foreach (var (key, value) in section.AsEnumerable(makePathsRelative: true))
        {
            if (value is not null)
                options.AnnouncementChannels[key] = value.Trim();
        }
    }

    private static bool IsCommunityId(string key)
    {
        var colon = key.IndexOf(':', StringComparison.Ordinal);
        return colon > 0 && colon < key.Length - 1;
    }
}
