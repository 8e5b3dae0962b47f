using System.Text.Json;
using MentorBot.Core.Commands;
using MentorBot.Core.Resilience;
using MentorBot.Discord.Rest;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace MentorBot.Discord.Commands;

/// <summary>
/// Registers the core's commands at start with one bulk overwrite, skipped when Discord already has the same set
/// (creates are limited to 200 a day). Failures are logged and never stop the bot from answering.
/// </summary>
public sealed partial class CommandRegistrar(
    ICommandDispatcher dispatcher,
    DiscordRestClient rest,
    IOptions<DiscordOptions> options,
    TimeProvider time,
    ILogger<CommandRegistrar> logger,
    IJitterSource? jitter = null) : BackgroundService
{
    private const int MaxAttempts = 5;
    // 2 s, 4 s, 8 s, 16 s between the five attempts, spread ±50%; a rate limit's own wait wins when longer.
    internal static readonly Backoff Retry = new(TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(60), BackoffJitter.Spread);

    protected override Task ExecuteAsync(CancellationToken stoppingToken) => RegisterAsync(stoppingToken);

    public async Task RegisterAsync(CancellationToken ct)
    {
        var settings = options.Value;
        if (string.IsNullOrWhiteSpace(settings.BotToken))
        {
            LogSkippedNoToken(logger);
            return;
        }
        var wanted = CommandTranslator.Translate(dispatcher.Commands, hideModeratorCommands: settings.ModeratorRoleIds.Count == 0).ToList();
        var scope = string.IsNullOrWhiteSpace(settings.GuildId) ? "global" : "guild " + settings.GuildId;
        for (var attempt = 1; attempt <= MaxAttempts; attempt++)
        {
            try
            {
                var existing = await rest.GetCommandsAsync(settings.GuildId, ct).ConfigureAwait(false) ?? [];
                if (Normalize(existing) == Normalize(wanted))
                {
                    LogUpToDate(logger, wanted.Count, scope);
                    return;
                }
                await rest.OverwriteCommandsAsync(settings.GuildId, wanted, ct).ConfigureAwait(false);
                LogRegistered(logger, wanted.Count, scope);
                return;
            }
            catch (DiscordApiException ex) when (!ex.IsTransient)
            {
                LogFailed(logger, ex, ex.Status == System.Net.HttpStatusCode.Unauthorized ? "Discord rejected Discord:BotToken" : ex.Message);
                return;
            }
            // Anything else (timeouts, network, a malformed answer) is worth another try; an exception escaping a
            // hosted service would stop the whole host, and registration must never do that.
            catch (Exception ex) when (!ct.IsCancellationRequested)
            {
                if (attempt == MaxAttempts)
                {
                    LogFailed(logger, ex, ex.Message);
                    return;
                }
                var delay = Retry.Delay(attempt, jitter ?? RandomJitter.Instance, (ex as DiscordApiException)?.RetryAfter);
                await Task.Delay(delay, time, ct).ConfigureAwait(false);
            }
        }
    }

    /// <summary>
    /// Canonical JSON of a command set: Discord's list adds ids, versions and defaults, which are dropped by reading
    /// into our own shape, and default values (false, empty) are made absent on both sides.
    /// </summary>
    public static string Normalize(IEnumerable<ApplicationCommand> commands)
    {
        var canonical = commands.OrderBy(c => c.Name, StringComparer.Ordinal).Select(c => c with
        {
            Options = NormalizeOptions(c.Options),
            DefaultMemberPermissions = string.IsNullOrEmpty(c.DefaultMemberPermissions) ? null : c.DefaultMemberPermissions,
        }).ToList();
        return JsonSerializer.Serialize(canonical, DiscordJson.Default.ListApplicationCommand);
    }

    private static List<ApplicationCommandOption>? NormalizeOptions(IReadOnlyList<ApplicationCommandOption>? options) =>
        options is null || options.Count == 0 ? null : [.. options.Select(o => o with
        {
            Required = o.Required == true ? true : null,
            Autocomplete = o.Autocomplete == true ? true : null,
            Choices = o.Choices is { Count: > 0 } ? o.Choices : null,
            Options = NormalizeOptions(o.Options),
        })];

    [LoggerMessage(EventId = 300, Level = LogLevel.Information, Message = "Discord command registration skipped: no Discord:BotToken (Http mode answers without one)")]
    private static partial void LogSkippedNoToken(ILogger logger);

    [LoggerMessage(EventId = 301, Level = LogLevel.Information, Message = "Discord commands already up to date ({Count}, {Scope})")]
    private static partial void LogUpToDate(ILogger logger, int count, string scope);

    [LoggerMessage(EventId = 302, Level = LogLevel.Information, Message = "Registered {Count} Discord commands ({Scope})")]
    private static partial void LogRegistered(ILogger logger, int count, string scope);

    [LoggerMessage(EventId = 303, Level = LogLevel.Error, Message = "Discord command registration failed: {Reason}. The bot keeps answering with the commands already registered")]
    private static partial void LogFailed(ILogger logger, Exception exception, string reason);
}
