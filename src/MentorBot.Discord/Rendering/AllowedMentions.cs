namespace MentorBot.Discord.Rendering;

/// <summary>Which mentions in a message may ping. The bot echoes user text, so it always sends <see cref="None"/>.</summary>
public sealed record AllowedMentions(IReadOnlyList<string> Parse)
{
    public static AllowedMentions None { get; } = new([]);
}
