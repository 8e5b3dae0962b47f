namespace MentorBot.Discord.Interactions;

/// <summary><c>data</c> of a command (<see cref="Name"/>, <see cref="Options"/>) or a component (<see cref="CustomId"/>).</summary>
public sealed record InteractionData
{
    public string? Id { get; set; }

    public string? Name { get; set; }

    public IReadOnlyList<InteractionOption>? Options { get; set; }

    public string? CustomId { get; set; }

    public int? ComponentType { get; set; }
}
