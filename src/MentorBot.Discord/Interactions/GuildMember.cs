namespace MentorBot.Discord.Interactions;

public sealed record GuildMember
{
    public DiscordUser? User { get; set; }

    public string? Nick { get; set; }

    public IReadOnlyList<string>? Roles { get; set; }

    /// <summary>The member's permissions in the channel as a decimal string; bits beyond 32 are in use.</summary>
    public string? Permissions { get; set; }
}
