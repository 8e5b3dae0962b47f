using Microsoft.Extensions.Configuration;

namespace MentorBot.Discord;

/// <summary>The <c>Discord</c> configuration section.</summary>
public sealed class DiscordOptions
{
    public const string Section = "Discord";

    public DiscordMode Mode { get; set; } = DiscordMode.Gateway;

    /// <summary>The bot token from the developer portal; never logged.</summary>
    public string? BotToken { get; set; }

    public string? ApplicationId { get; set; }

    /// <summary>The application's Ed25519 public key, 64 hex characters, used to verify HTTP interactions.</summary>
    public string? PublicKey { get; set; }

    /// <summary>When set, commands are registered in this guild only (instant updates while developing).</summary>
    public string? GuildId { get; set; }

    public string ApiBaseUrl { get; set; } = "https://discord.com/api/v10";

    public List<string> ModeratorRoleIds { get; set; } = [];

    /// <summary>
    /// The bot's global request limit. Discord's default is 50 per second; large bots can ask Discord for more, and a
    /// test or benchmark against a fake sets whatever the fake enforces.
    /// </summary>
    public int GlobalRequestsPerSecond { get; set; } = Rest.RateLimiter.GlobalPerSecond;

    /// <summary>How long the core may take before the interaction is deferred; Discord's hard limit is 3 s.</summary>
    public TimeSpan DeferAfter { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>
    /// The configured mode without binding, for composition decisions before options exist. An unreadable value
    /// gives null; options validation then reports it by key.
    /// </summary>
    public static DiscordMode? ModeFrom(IConfiguration configuration)
    {
        var value = configuration[Section + ":" + nameof(Mode)];
        if (string.IsNullOrWhiteSpace(value))
            return DiscordMode.Gateway;
        return Enum.TryParse<DiscordMode>(value, ignoreCase: true, out var mode) && Enum.IsDefined(mode) ? mode : null;
    }

    /// <summary>Validates the options; returns the first problem, naming the configuration key, or null.</summary>
    public string? Problem()
    {
        if (string.IsNullOrWhiteSpace(ApplicationId) || !ulong.TryParse(ApplicationId, out _))
            return "Discord:ApplicationId must be the application's numeric id from the developer portal.";
        if (!Uri.TryCreate(ApiBaseUrl, UriKind.Absolute, out var api) || (api.Scheme != Uri.UriSchemeHttps && api.Scheme != Uri.UriSchemeHttp))
            return "Discord:ApiBaseUrl must be an absolute http(s) URL such as https://discord.com/api/v10.";
        if (Mode == DiscordMode.Gateway && string.IsNullOrWhiteSpace(BotToken))
            return "Discord:BotToken is required in Gateway mode (or set Discord:Mode to Http).";
        if (Mode == DiscordMode.Http && !IsHexKey(PublicKey))
            return "Discord:PublicKey must be the application's public key: 64 hexadecimal characters.";
        if (!string.IsNullOrWhiteSpace(GuildId) && !ulong.TryParse(GuildId, out _))
            return "Discord:GuildId must be a numeric guild id.";
        if (ModeratorRoleIds.Any(r => !ulong.TryParse(r, out _)))
            return "Discord:ModeratorRoleIds must list numeric role ids.";
        if (GlobalRequestsPerSecond <= 0)
            return "Discord:GlobalRequestsPerSecond must be positive (Discord's default is 50).";
        if (DeferAfter <= TimeSpan.Zero || DeferAfter >= TimeSpan.FromSeconds(3))
            return "Discord:DeferAfter must be between 0 and 3 seconds.";
        return null;
    }

    private static bool IsHexKey(string? value) =>
        value is { Length: 64 } && value.All(Uri.IsHexDigit);
}
