using MentorBot.Core;
using MentorBot.Core.Delivery;
using MentorBot.Core.Health;
using MentorBot.Core.Resilience;
using MentorBot.Core.WebSockets;
using MentorBot.Discord.Commands;
using MentorBot.Discord.Gateway;
using MentorBot.Discord.Interactions;
using MentorBot.Discord.Rest;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace MentorBot.Discord;

public static class DiscordServiceCollectionExtensions
{
    /// <summary>
    /// Registers the Discord adapter from the <c>Discord</c> section: REST client, command registration, the
    /// interaction processor, the outbound messenger and, in Gateway mode, the Gateway connection.
    /// </summary>
    public static IServiceCollection AddDiscordAdapter(this IServiceCollection services, IConfiguration configuration)
    {
        // Deferred answers and Gateway interactions run there; registered first, it is drained after the adapter stops.
        services.AddBackgroundWork();
        var section = configuration.GetSection(DiscordOptions.Section);
        services.AddOptions<DiscordOptions>()
            .Bind(section)
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<DiscordOptions>, DiscordOptionsValidator>();

        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<IJitterSource>(RandomJitter.Instance);
        services.TryAddSingleton<IWebSocketFactory>(ClientWebSocketFactory.Instance);
        // Several hosts may share the bot: this process keeps to its configured share of the global limit.
        services.TryAddSingleton(sp => new RateLimiter(
            sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<IOptions<DiscordOptions>>().Value.LocalGlobalRequestsPerSecond));
        // The REST client is a singleton, so its HttpClient lives forever: the pooled-connection lifetime, not handler
        // rotation, is what makes it notice DNS changes.
        // The default HTTP logging writes full URLs, and interaction routes hold the interaction token.
        services.AddHttpClient(nameof(DiscordRestClient))
            .RemoveAllLoggers()
            .AddLogger(sp => new DiscordHttpLogger(sp.GetRequiredService<ILogger<DiscordHttpLogger>>()))
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) })
            .SetHandlerLifetime(Timeout.InfiniteTimeSpan);
        services.TryAddSingleton(sp => ActivatorUtilities.CreateInstance<DiscordRestClient>(
            sp, sp.GetRequiredService<IHttpClientFactory>().CreateClient(nameof(DiscordRestClient))));
        services.TryAddSingleton<InteractionProcessor>();
        services.TryAddSingleton(sp => new SignatureVerifier(sp.GetRequiredService<IOptions<DiscordOptions>>().Value.PublicKey ?? ""));
        services.TryAddSingleton<DiscordMessenger>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IOutboundMessenger, DiscordMessenger>(sp => sp.GetRequiredService<DiscordMessenger>()));
        services.TryAddSingleton<DiscordAdapterStatus>();
        services.AddSingleton<IAdapterStatus>(sp => sp.GetRequiredService<DiscordAdapterStatus>());
        services.TryAddSingleton<CommandRegistrar>();
        services.AddHostedService(sp => sp.GetRequiredService<CommandRegistrar>());

        if (DiscordOptions.ModeFrom(configuration) == DiscordMode.Gateway)
        {
            // A host that shares the bot's shards with others registers a shared gate before this (the database's).
            services.TryAddSingleton<IIdentifyGate>(sp => new InProcessIdentifyGate(sp.GetRequiredService<TimeProvider>()));
            services.TryAddSingleton<GatewayShards>();
            services.AddHostedService(sp => sp.GetRequiredService<GatewayShards>());
        }
        return services;
    }
}
