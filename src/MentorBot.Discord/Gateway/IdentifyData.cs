namespace MentorBot.Discord.Gateway;

/// <summary>
/// The raw token (no "Bot " prefix), the intents bit set, the client's self-description and, when the bot is split
/// into shards, <c>[shard_id, num_shards]</c>.
/// </summary>
public sealed record IdentifyData(string Token, int Intents, IdentifyProperties Properties, int[]? Shard = null);
