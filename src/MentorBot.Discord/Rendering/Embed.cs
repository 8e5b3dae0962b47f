namespace MentorBot.Discord.Rendering;

public sealed record Embed
{
    public string? Title { get; init; }

    public string? Description { get; init; }

    public int? Color { get; init; }

    public IReadOnlyList<EmbedField>? Fields { get; init; }

    public EmbedFooter? Footer { get; init; }
}
