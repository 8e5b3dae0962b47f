using System.Net.Sockets;
using MentorBot.Core.Knowledge;
using MentorBot.Core.Storage;
using MentorBot.Discord;
using MentorBot.Host.Console;
using MentorBot.Host.Storage;
using MentorBot.Slack;
using MentorBot.Storage.LiteDb;
using MentorBot.Storage.Postgres;
using Microsoft.Extensions.Options;
using Npgsql;

namespace MentorBot.Host;

/// <summary>
/// Resolves what the host needs before it starts, so a bad setting stops it with one line that names the key
/// instead of a stack trace from deep inside the container.
/// </summary>
internal static class StartupCheck
{
    /// <summary>Returns null when everything resolves, otherwise the message to print.</summary>
    public static string? Run(IServiceProvider services)
    {
        // First: the rest of the chain reads which adapters run, and the selection throws until it validates.
        var adapters = services.GetRequiredService<IOptions<AdapterSelection>>();
        return Try("Console", () => adapters.Value)
            ?? Try("Knowledge", () => services.GetRequiredService<IOptions<KnowledgeOptions>>().Value)
            ?? Try("Console", () => services.GetRequiredService<IOptions<ConsoleOptions>>().Value)
            ?? Try("Delivery", () => services.GetRequiredService<IOptions<MentorBot.Core.Delivery.DeliveryOptions>>().Value)
            ?? Try("BackgroundWork", () => services.GetRequiredService<IOptions<MentorBot.Core.Background.BackgroundWorkOptions>>().Value)
            ?? Try("Faq:QuestionLog", () => services.GetRequiredService<IOptions<MentorBot.Core.Faq.QuestionLog.QuestionLogOptions>>().Value)
            ?? Try("Metrics", () => services.GetRequiredService<IOptions<MentorBot.Host.Metrics.MetricsOptions>>().Value)
            ?? Try("Dashboard", () => services.GetRequiredService<IOptions<MentorBot.Core.Dashboard.DashboardOptions>>().Value)
            ?? StorageSelection.Problem(services.GetRequiredService<IConfiguration>())
            ?? (StorageSelection.Provider(services.GetRequiredService<IConfiguration>()) == StorageProvider.LiteDb
                ? Try("Storage", () => services.GetRequiredService<IOptions<LiteDbStorageOptions>>().Value)
                : null)
            ?? (adapters.Value.Discord
                ? Try("Discord", () => services.GetRequiredService<IOptions<DiscordOptions>>().Value)
                : null)
            ?? (adapters.Value.Slack
                ? Try("Slack", () => services.GetRequiredService<IOptions<SlackOptions>>().Value)
                : null)
            // Storage before knowledge: a LiteDB file another host holds stops this one before it logs anything.
            ?? TryStorage(services)
            ?? TryKnowledge(services);
    }

    private static string? Try(string section, Func<object> resolve)
    {
        try
        {
            resolve();
            return null;
        }
        catch (OptionsValidationException ex)
        {
            return $"Invalid configuration: {string.Join(" ", ex.Failures)}";
        }
        catch (InvalidOperationException ex)
        {
            return $"Invalid configuration in section '{section}': {ex.Message}";
        }
    }

    private static string? TryKnowledge(IServiceProvider services)
    {
        try
        {
            services.GetRequiredService<IKnowledgeProvider>();
            return null;
        }
        catch (InvalidKnowledgeException ex)
        {
            return $"{ex.Message}{Environment.NewLine}Fix the files, or point Knowledge:Path at a valid knowledge folder.";
        }
    }

    private static string? TryStorage(IServiceProvider services) =>
        StorageSelection.Provider(services.GetRequiredService<IConfiguration>()) == StorageProvider.Postgres
            ? TryPostgres(services)
            : TryLiteDb(services);

    /// <summary>Connecting also migrates, so an unreachable server, a refused login or a newer schema shows up here.</summary>
    private static string? TryPostgres(IServiceProvider services)
    {
        var server = PostgresStorageOptions.Describe(services.GetRequiredService<IOptions<PostgresStorageOptions>>().Value.ConnectionString ?? "");
        try
        {
            services.GetRequiredService<IStorageHealth>();
            return null;
        }
        catch (Exception ex) when (ex is NpgsqlException or SocketException or TimeoutException or InvalidOperationException or ArgumentException)
        {
            // Npgsql's messages name host, port and user, never the password.
            var reason = ex.InnerException is { } inner && inner.Message != ex.Message ? $"{ex.Message} ({inner.Message})" : ex.Message;
            return $"Cannot use the PostgreSQL database {server} (Storage:ConnectionString): {reason}";
        }
    }

    private static string? TryLiteDb(IServiceProvider services)
    {
        var path = services.GetRequiredService<IOptions<LiteDbStorageOptions>>().Value.DatabasePath;
        try
        {
            services.GetRequiredService<IStorageHealth>();
            return null;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or LiteDB.LiteException or InvalidOperationException)
        {
            return $"Cannot open the database '{path}' (Storage:DatabasePath): {ex.Message}";
        }
    }
}
