using MentorBot.Core.Background;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;

// Beside AddMentorBotCore, so the adapters and the host reach it with the core's using.
namespace MentorBot.Core;

public static class BackgroundWorkServiceCollectionExtensions
{
    /// <summary>
    /// Registers the one <see cref="IBackgroundWorkQueue"/> and its hosted service, once however often it is called.
    /// Hosted services stop in reverse order, so whoever registers it before the adapters has it drained after they
    /// stopped taking requests: <c>AddMentorBotCore</c> does, and the adapters call it too for hosts built without it.
    /// </summary>
    public static IServiceCollection AddBackgroundWork(this IServiceCollection services)
    {
        if (services.Any(d => d.ServiceType == typeof(BackgroundWorkQueue)))
            return services;
        services.AddOptions<BackgroundWorkOptions>();
        services.AddSingleton<BackgroundWorkQueue>();
        services.AddSingleton<IBackgroundWorkQueue>(sp => sp.GetRequiredService<BackgroundWorkQueue>());
        services.AddSingleton<IHostedService>(sp => sp.GetRequiredService<BackgroundWorkQueue>());
        services.TryAddSingleton(TimeProvider.System);
        return services;
    }
}
