using MentorBot.Core.Resilience;

namespace MentorBot.Testing.Time;

/// <summary>Jitter pinned at one value, so every randomised wait in a test is known exactly.</summary>
public sealed class FixedJitter(double value) : IJitterSource
{
    public double NextDouble() => value;
}
