namespace MentorBot.Discord.Rest;

/// <summary>Discord's JSON error body; 429s add <see cref="RetryAfter"/> (seconds) and <see cref="Global"/>.</summary>
public sealed record DiscordError
{
    public int Code { get; init; }

    public string? Message { get; init; }

    public double? RetryAfter { get; init; }

    public bool? Global { get; init; }
}
