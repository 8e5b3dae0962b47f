namespace MentorBot.Core.Commands;

/// <summary>One option of a command. Required options come before optional ones.</summary>
public sealed record OptionDefinition(string Name, string Description, OptionType Type, bool Required = false)
{
    public IReadOnlyList<OptionChoice> Choices { get; init; } = [];

    public int? MaxLength { get; init; }

    public int? MinValue { get; init; }

    public bool Autocomplete { get; init; }

    /// <summary>How the value is read from a typed line (console, Slack text); see <see cref="TextShape"/>.</summary>
    public TextShape Shape { get; init; } = TextShape.Word;
}
