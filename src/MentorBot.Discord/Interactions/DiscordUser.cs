namespace MentorBot.Discord.Interactions;

public sealed record DiscordUser
{
    public string Id { get; init; } = "";

    public string? Username { get; init; }

    public string? GlobalName { get; init; }
}
