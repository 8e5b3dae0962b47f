using System.Text.Json;

namespace MentorBot.Discord.Interactions;

/// <summary>A received option: a leaf with <see cref="Value"/>, or a subcommand (type 1) with nested <see cref="Options"/>.</summary>
public sealed record InteractionOption
{
    public string Name { get; init; } = "";

    public int Type { get; init; }

    public JsonElement? Value { get; init; }

    public IReadOnlyList<InteractionOption>? Options { get; init; }

    public bool? Focused { get; init; }
}
