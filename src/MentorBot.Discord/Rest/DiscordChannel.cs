namespace MentorBot.Discord.Rest;

public sealed record DiscordChannel
{
    public string Id { get; init; } = "";

    public int Type { get; init; }
}
