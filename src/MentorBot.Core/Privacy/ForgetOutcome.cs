namespace MentorBot.Core.Privacy;

/// <summary>Whether a <c>/forget confirm</c> erased anything, and what.</summary>
public sealed record ForgetOutcome(ForgetStatus Status, IReadOnlyList<ErasedData> Erased)
{
    public static ForgetOutcome NotRequested { get; } = new(ForgetStatus.NotRequested, []);

    public static ForgetOutcome Expired { get; } = new(ForgetStatus.Expired, []);
}
