namespace MentorBot.Discord.Interactions;

/// <summary><c>data</c> of a command (<see cref="Name"/>, <see cref="Options"/>) or a component (<see cref="CustomId"/>).</summary>
public sealed record InteractionData
{
    public string? Id { get; init; }

    public string? Name { get; init; }

    public IReadOnlyList<InteractionOption>? Options { get; init; }

    public string? CustomId { get; init; }

    public int? ComponentType { get; init; }
}
