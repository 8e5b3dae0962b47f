namespace MentorBot.Discord.Rendering;

/// <summary>Component type 2. Style 2 (secondary) keeps suggestions visually quieter than the answer.</summary>
public sealed record Button(string Label, string CustomId)
{
    public int Type { get; init; } = 2;

    public int Style { get; init; } = 2;
}
