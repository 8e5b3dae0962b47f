namespace MentorBot.Core.Background;

/// <summary>Bounds of the <see cref="IBackgroundWorkQueue"/> (<c>BackgroundWork:*</c>).</summary>
public sealed record BackgroundWorkOptions
{
    public const string SectionName = "BackgroundWork";

    /// <summary>How many items may wait or run at once; beyond that new work is refused and logged.</summary>
    public int Capacity { get; init; } = 1000;

    /// <summary>How many items run at the same time.</summary>
    public int MaxConcurrency { get; init; } = 32;
}
