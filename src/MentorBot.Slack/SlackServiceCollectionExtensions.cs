using MentorBot.Core;
using MentorBot.Core.Delivery;
using MentorBot.Core.Health;
using MentorBot.Core.Resilience;
using MentorBot.Core.WebSockets;
using MentorBot.Slack.Commands;
using MentorBot.Slack.Delivery;
using MentorBot.Slack.Http;
using MentorBot.Slack.SocketMode;
using MentorBot.Slack.WebApi;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace MentorBot.Slack;

public static class SlackServiceCollectionExtensions
{
    /// <summary>
    /// Registers the Slack adapter from the <c>Slack</c> section: Web API client, command processing, the outbound
    /// messenger, the start-up token check and, in Socket Mode, the WebSocket client. Needs the core registered, and
    /// storage (the messenger keeps DM channel ids in <see cref="MentorBot.Core.Storage.IDirectChannelStore"/>).
    /// </summary>
    public static IServiceCollection AddSlackAdapter(this IServiceCollection services, IConfiguration configuration)
    {
        // Deferred answers and Socket Mode envelopes run there; registered first, it is drained after the adapter stops.
        services.AddBackgroundWork();
        services.AddOptions<SlackOptions>().Bind(configuration.GetSection(SlackOptions.Section)).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<SlackOptions>, SlackOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<IJitterSource>(RandomJitter.Instance);
        services.TryAddSingleton<IWebSocketFactory>(ClientWebSocketFactory.Instance);
        // The default HTTP logging writes full URLs, and a response_url's path is a secret.
        services.AddHttpClient(SlackApiClient.HttpClientName, c => c.Timeout = TimeSpan.FromSeconds(15))
            .RemoveAllLoggers()
            .AddLogger(sp => new SlackHttpLogger(sp.GetRequiredService<ILogger<SlackHttpLogger>>()));

        var mode = configuration.GetSection(SlackOptions.Section).GetValue(nameof(SlackOptions.Mode), SlackMode.SocketMode);
        services.TryAddSingleton(_ => new SlackAdapterState { HttpMode = mode == SlackMode.Http });
        services.AddSingleton<IAdapterStatus>(sp => sp.GetRequiredService<SlackAdapterState>());
        services.TryAddSingleton<SlackApiClient>();
        services.TryAddSingleton<SlackActorResolver>();
        services.TryAddSingleton<SlackCommandProcessor>();
        services.TryAddSingleton<SlackSignatureVerifier>();
        services.TryAddSingleton<SlackMessenger>();
        services.AddSingleton<IOutboundMessenger>(sp => sp.GetRequiredService<SlackMessenger>());
        services.AddHostedService<SlackStartup>();

        if (mode == SlackMode.SocketMode)
            services.AddHostedService<SocketModeClient>();
        return services;
    }
}
