namespace MentorBot.Discord.Gateway;

/// <summary>One shard of the bot: its id and the total the bot is split into, as sent in Identify's <c>shard</c>.</summary>
public readonly record struct ShardInfo(int Id, int Count)
{
    /// <summary>The identify bucket: shards with the same key take turns, <c>max_concurrency</c> buckets in parallel.</summary>
    public int RateLimitKey(int maxConcurrency) => Id % Math.Max(1, maxConcurrency);

    public override string ToString() => $"{Id}/{Count}";
}
