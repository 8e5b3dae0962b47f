namespace MentorBot.Discord.Commands;

public sealed record ApplicationCommandOption
{
    public int Type { get; init; }

    public string Name { get; init; } = "";

    public string Description { get; init; } = "";

    public bool? Required { get; init; }

    public IReadOnlyList<CommandChoice>? Choices { get; init; }

    public IReadOnlyList<ApplicationCommandOption>? Options { get; init; }

    public int? MaxLength { get; init; }

    public int? MinValue { get; init; }

    public bool? Autocomplete { get; init; }
}
