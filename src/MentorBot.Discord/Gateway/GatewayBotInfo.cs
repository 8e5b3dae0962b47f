namespace MentorBot.Discord.Gateway;

/// <summary>The answer of <c>GET /gateway/bot</c>; only the URL matters for a single shard.</summary>
public sealed record GatewayBotInfo
{
    public string Url { get; init; } = "";

    public int Shards { get; init; } = 1;
}
