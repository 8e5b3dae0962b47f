namespace MentorBot.Discord.Gateway;

/// <summary>One shard of the bot: its id and the total the bot is split into, as sent in Identify's <c>shard</c>.</summary>
public readonly record struct ShardInfo(int Id, int Count)
{
    /// <summary>Discord's routing: a guild's events go to shard <c>(guild_id &gt;&gt; 22) % num_shards</c>.</summary>
    public static int ForGuild(ulong guildId, int count) => (int)((guildId >> 22) % (ulong)count);

    /// <summary>The identify bucket: shards with the same key take turns, <c>max_concurrency</c> buckets in parallel.</summary>
    public int RateLimitKey(int maxConcurrency) => Id % Math.Max(1, maxConcurrency);

    public override string ToString() => $"{Id}/{Count}";
}
