namespace MentorBot.Core.Resilience;

/// <summary>
/// Where backoff and other spreading waits get their randomness: injected, so tests can pin each delay exactly.
/// </summary>
public interface IJitterSource
{
    /// <summary>A value in [0, 1).</summary>
    double NextDouble();
}
