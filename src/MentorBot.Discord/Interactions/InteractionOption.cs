using System.Text.Json;

namespace MentorBot.Discord.Interactions;

/// <summary>A received option: a leaf with <see cref="Value"/>, or a subcommand (type 1) with nested <see cref="Options"/>.</summary>
public sealed record InteractionOption
{
    public string Name { get; set; } = "";

    public int Type { get; set; }

    public JsonElement? Value { get; set; }

    public IReadOnlyList<InteractionOption>? Options { get; set; }

    public bool? Focused { get; set; }
}
