namespace MentorBot.Core.Resilience;

/// <summary>How a <see cref="Backoff"/> spreads the delay of one attempt.</summary>
public enum BackoffJitter
{
    /// <summary>Exactly the exponential delay: for retries that are persisted and already spread by their own schedule.</summary>
    None,

    /// <summary>Anywhere in [0, delay): reconnecting clients of one outage come back spread over the whole window.</summary>
    Full,

    /// <summary>Anywhere in [delay/2, 3·delay/2): spread, but never a retry at once.</summary>
    Spread,
}
