namespace MentorBot.Discord.Interactions;

/// <summary>The interaction object, identical over HTTP and in the Gateway's INTERACTION_CREATE.</summary>
public sealed record Interaction
{
    public string Id { get; init; } = "";

    public string ApplicationId { get; init; } = "";

    public int Type { get; init; }

    public InteractionData? Data { get; init; }

    public string? GuildId { get; init; }

    public string? ChannelId { get; init; }

    /// <summary>Sent when invoked in a guild.</summary>
    public GuildMember? Member { get; init; }

    /// <summary>Sent when invoked in a DM.</summary>
    public DiscordUser? User { get; init; }

    public string Token { get; init; } = "";

    public string? Locale { get; init; }
}
