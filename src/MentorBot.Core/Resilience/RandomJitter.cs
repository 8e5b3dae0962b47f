namespace MentorBot.Core.Resilience;

/// <summary>The production jitter: <see cref="Random.Shared"/>, which is thread-safe.</summary>
public sealed class RandomJitter : IJitterSource
{
    public static readonly RandomJitter Instance = new();

    // Jitter spreads reconnects apart; it is not a secret, so a non-cryptographic generator is what is wanted.
#pragma warning disable CA5394
    public double NextDouble() => Random.Shared.NextDouble();
#pragma warning restore CA5394
}
