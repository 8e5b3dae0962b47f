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

    /// <summary>
    /// This host's fraction (0–1] of <see cref="GlobalRequestsPerSecond"/>: when several hosts run one bot without a
    /// shared limiter, their shares should add up to at most 1.
    /// </summary>
    public double GlobalRateShare { get; set; } = 1.0;

    /// <summary>
    /// With PostgreSQL storage, hosts coordinate through the database: identify turns across shards and one global
    /// request limit for the whole bot. Turn off to rely on <see cref="GlobalRateShare"/> alone.
    /// </summary>
    public bool CoordinateThroughDatabase { get; set; } = true;

    /// <summary>How many shards the bot is split into; null takes what <c>GET /gateway/bot</c> recommends.</summary>
    public int? ShardCount { get; set; }

    /// <summary>The shards this host runs, e.g. <c>0-3</c> or <c>0,2</c>; null runs all of them.</summary>
    public string? ShardIds { get; set; }

    /// <summary>The global requests per second this process allows itself: its share of the bot's limit, at least 1.</summary>
    public int LocalGlobalRequestsPerSecond => Math.Max(1, (int)Math.Floor(GlobalRequestsPerSecond * GlobalRateShare));

    /// <summary>The shards to run when the bot has <paramref name="count"/> of them.</summary>
    public IReadOnlyList<int> ShardIdsFor(int count) =>
        string.IsNullOrWhiteSpace(ShardIds) ? [.. Enumerable.Range(0, count)] : Gateway.ShardIdList.Parse(ShardIds, out _) ?? [];

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
        if (!(GlobalRateShare > 0 && GlobalRateShare <= 1))
            return "Discord:GlobalRateShare must be a fraction above 0 and at most 1 (this host's part of the global limit).";
        if (ShardProblem() is { } shards)
            return shards;
        if (DeferAfter <= TimeSpan.Zero || DeferAfter >= TimeSpan.FromSeconds(3))
            return "Discord:DeferAfter must be between 0 and 3 seconds.";
        return null;
    }

    private string? ShardProblem()
    {
        if (ShardCount is < 1)
            return "Discord:ShardCount must be at least 1.";
        if (string.IsNullOrWhiteSpace(ShardIds))
            return null;
        if (Gateway.ShardIdList.Parse(ShardIds, out var problem) is not { } ids)
            return $"Discord:ShardIds must list shard ids and ranges such as 0-3 or 0,2 ({problem}).";
        // Hosts that split the shards must agree on their number; a recommendation read at each start may differ.
        if (ShardCount is not { } count)
            return "Discord:ShardIds needs Discord:ShardCount, so every host splits the bot into the same number of shards.";
        if (ids[^1] >= count)
            return $"Discord:ShardIds lists shard {ids[^1]}, but Discord:ShardCount is {count} (ids run from 0 to {count - 1}).";
        return null;
    }

    private static bool IsHexKey(string? value) =>
        value is { Length: 64 } && value.All(Uri.IsHexDigit);
}
