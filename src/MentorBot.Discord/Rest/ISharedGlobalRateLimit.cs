namespace MentorBot.Discord.Rest;

/// <summary>
/// Discord's global request limit is per bot, not per process. Hosts that share one bot take their permits from a
/// limiter they all see (the database); this process's <see cref="RateLimiter"/> still applies its own share on top.
/// </summary>
public interface ISharedGlobalRateLimit
{
    /// <summary>Returns when one request that counts towards the global limit may be sent now.</summary>
    ValueTask WaitAsync(CancellationToken cancellationToken);
}
