using MentorBot.Discord.Gateway;
using MentorBot.Discord.Rest;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace MentorBot.Discord.Postgres;

public static class DiscordPostgresServiceCollectionExtensions
{
    /// <summary>
    /// Shares Discord's per-bot limits with every host on the database at <paramref name="connectionString"/>:
    /// identify turns (<see cref="PostgresIdentifyGate"/>) and the global request limit
    /// (<see cref="PostgresGlobalRateLimit"/>, at <c>Discord:GlobalRequestsPerSecond</c> for the whole bot). Call before
    /// <c>AddDiscordAdapter</c>, whose in-process identify gate is only the fallback.
    /// </summary>
    public static IServiceCollection AddDiscordPostgresCoordination(this IServiceCollection services, string connectionString)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(_ => new DiscordCoordinationDatabase(connectionString));
        services.TryAddSingleton<IIdentifyGate>(sp => new PostgresIdentifyGate(
            sp.GetRequiredService<DiscordCoordinationDatabase>(), sp.GetRequiredService<TimeProvider>()));
        services.TryAddSingleton<ISharedGlobalRateLimit>(sp => new PostgresGlobalRateLimit(
            sp.GetRequiredService<DiscordCoordinationDatabase>(),
            sp.GetRequiredService<IOptions<DiscordOptions>>().Value.GlobalRequestsPerSecond,
            sp.GetRequiredService<TimeProvider>(),
            sp.GetService<ILogger<PostgresGlobalRateLimit>>()));
        return services;
    }
}
