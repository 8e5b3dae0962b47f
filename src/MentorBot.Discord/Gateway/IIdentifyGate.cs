namespace MentorBot.Discord.Gateway;

/// <summary>
/// Turns to identify. Discord lets a bot identify <c>max_concurrency</c> shards per 5 seconds, one per bucket
/// <c>shard_id % max_concurrency</c>, counted over every process of the bot; going faster earns an Invalid Session.
/// Hosts that split a bot's shards share one gate (the database), a single host uses the in-process one.
/// </summary>
public interface IIdentifyGate
{
    /// <summary>
    /// Returns when this process may send one Identify for <paramref name="bucket"/>. Dispose the turn once the Identify
    /// is sent: the bucket's next turn comes one interval after that moment, not after the turn was granted, so a send
    /// that a busy machine delays cannot bring two Identifies of the bucket closer than the interval.
    /// </summary>
    ValueTask<IAsyncDisposable> WaitTurnAsync(int bucket, CancellationToken cancellationToken);
}
