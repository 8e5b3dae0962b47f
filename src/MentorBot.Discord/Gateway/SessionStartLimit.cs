namespace MentorBot.Discord.Gateway;

/// <summary>From <c>GET /gateway/bot</c>: how many sessions may still start today and how many identify at once.</summary>
public sealed record SessionStartLimit
{
    public int Total { get; init; }

    public int Remaining { get; init; }

    /// <summary>Milliseconds until <see cref="Remaining"/> resets.</summary>
    public long ResetAfter { get; init; }

    /// <summary>Identify buckets: this many shards may identify per 5 seconds, one per <c>shard_id % max_concurrency</c>.</summary>
    public int MaxConcurrency { get; init; } = 1;
}
