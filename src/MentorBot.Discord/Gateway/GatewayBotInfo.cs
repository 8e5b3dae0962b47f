namespace MentorBot.Discord.Gateway;

/// <summary>The answer of <c>GET /gateway/bot</c>: where to connect, the recommended shard count and identify limits.</summary>
public sealed record GatewayBotInfo
{
    public string Url { get; init; } = "";

    public int Shards { get; init; } = 1;

    public SessionStartLimit? SessionStartLimit { get; init; }
}
