namespace MentorBot.Discord.Interactions;

public sealed record GuildMember
{
    public DiscordUser? User { get; init; }

    public string? Nick { get; init; }

    public IReadOnlyList<string>? Roles { get; init; }

    /// <summary>The member's permissions in the channel as a decimal string; bits beyond 32 are in use.</summary>
    public string? Permissions { get; init; }
}
