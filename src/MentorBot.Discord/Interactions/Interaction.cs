namespace MentorBot.Discord.Interactions;

/// <summary>The interaction object, identical over HTTP and in the Gateway's INTERACTION_CREATE.</summary>
/// <remarks>
/// The received shapes (this, <see cref="InteractionData"/>, <see cref="InteractionOption"/>, <see cref="GuildMember"/>,
/// <see cref="DiscordUser"/>) have setters rather than init accessors: the JSON source generator reads init-only
/// properties like constructor arguments (cached, then applied), which made parsing an interaction take about 70% longer.
/// Nothing assigns them after parsing.
/// </remarks>
public sealed record Interaction
{
    public string Id { get; set; } = "";

    public string ApplicationId { get; set; } = "";

    public int Type { get; set; }

    public InteractionData? Data { get; set; }

    public string? GuildId { get; set; }

    public string? ChannelId { get; set; }

    /// <summary>Sent when invoked in a guild.</summary>
    public GuildMember? Member { get; set; }

    /// <summary>Sent when invoked in a DM.</summary>
    public DiscordUser? User { get; set; }

    public string Token { get; set; } = "";

    public string? Locale { get; set; }
}
