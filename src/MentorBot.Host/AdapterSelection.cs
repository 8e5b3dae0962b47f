using MentorBot.Discord;
using MentorBot.Host.Console;
using MentorBot.Host.Storage;
using MentorBot.Slack;
using Microsoft.Extensions.Options;

namespace MentorBot.Host;

/// <summary>
/// Which chat adapters this host runs, decided once at composition from the bound <c>Console</c>, <c>Discord</c> and
/// <c>Slack</c> sections. Registered as options validated at start, so a switch that does not bind (for example
/// <c>Console:Enabled=yes</c>) stops the host with one line naming the key instead of being read as "not set".
/// </summary>
public sealed class AdapterSelection
{
    /// <summary>The console adapter: <c>Console:Enabled</c>, or by default when no chat platform is configured.</summary>
    public bool Console { get; set; }

    /// <summary>Discord runs when it has credentials: a bot token (Gateway) or a public key (Http).</summary>
    public bool Discord { get; set; }

    /// <summary>Slack runs when its bot token is configured.</summary>
    public bool Slack { get; set; }

    /// <summary>
    /// Hosts on one PostgreSQL database may be one bot split in several: they share identify turns and the global
    /// request limit through the database unless <c>Discord:CoordinateThroughDatabase</c> is false.
    /// </summary>
    public bool DiscordThroughDatabase { get; set; }

    /// <summary>Why a section did not bind, naming the key; null when all did.</summary>
    public string? Problem { get; set; }

    public static AdapterSelection Resolve(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var problems = new List<string>();
        var console = Bind<ConsoleOptions>(configuration, "Console", problems) ?? new ConsoleOptions();
        var discord = Bind<DiscordOptions>(configuration, DiscordOptions.Section, problems) ?? new DiscordOptions();
        var slack = Bind<SlackOptions>(configuration, SlackOptions.Section, problems) ?? new SlackOptions();

        var discordOn = !string.IsNullOrWhiteSpace(discord.BotToken) || !string.IsNullOrWhiteSpace(discord.PublicKey);
        var slackOn = !string.IsNullOrWhiteSpace(slack.BotToken);
        return new AdapterSelection
        {
            Console = console.Enabled ?? (!discordOn && !slackOn),
            Discord = discordOn,
            Slack = slackOn,
            DiscordThroughDatabase = discordOn && discord.CoordinateThroughDatabase
                && StorageSelection.Provider(configuration) == StorageProvider.Postgres,
            Problem = problems.Count == 0 ? null : string.Join(" ", problems),
        };
    }

    /// <summary>Copies a resolved selection into the instance the options system made.</summary>
    internal void CopyFrom(AdapterSelection other)
    {
        Console = other.Console;
        Discord = other.Discord;
        Slack = other.Slack;
        DiscordThroughDatabase = other.DiscordThroughDatabase;
        Problem = other.Problem;
    }

    private static T? Bind<T>(IConfiguration configuration, string section, List<string> problems)
        where T : class
    {
        try
        {
            return configuration.GetSection(section).Get<T>();
        }
        catch (InvalidOperationException ex)
        {
            problems.Add(Describe(configuration, section, ex));
            return null;
        }
    }

    // The switches are booleans; the binder's own message names a CLR type a user never typed.
    private static string Describe(IConfiguration configuration, string section, InvalidOperationException ex)
    {
        foreach (var key in BooleanSwitches.Where(k => k.StartsWith(section + ":", StringComparison.Ordinal)))
        {
            var value = configuration[key];
            if (!string.IsNullOrWhiteSpace(value) && !bool.TryParse(value, out _))
                return $"{key} must be true or false, not '{value}'.";
        }
        return $"Section '{section}': {ex.Message}";
    }

    private static readonly string[] BooleanSwitches = ["Console:Enabled", "Console:IsModerator", "Discord:CoordinateThroughDatabase"];
}

/// <summary>Reports a section that did not bind; the selection itself has no other way to be wrong.</summary>
internal sealed class AdapterSelectionValidator : IValidateOptions<AdapterSelection>
{
    public ValidateOptionsResult Validate(string? name, AdapterSelection options) =>
        options.Problem is { } problem ? ValidateOptionsResult.Fail(problem) : ValidateOptionsResult.Success;
}
