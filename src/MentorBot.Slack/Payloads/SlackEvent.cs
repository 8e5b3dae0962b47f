namespace MentorBot.Slack.Payloads;

/// <summary>
/// The inner event of an <c>event_callback</c>: the fields of <c>app_mention</c> and <c>message</c> the bot reads. Other
/// event types reuse some names with other shapes; those read as absent (see <see cref="LenientStringConverter"/>).
/// </summary>
public sealed record SlackEvent
{
    public string? Type { get; set; }

    public string? Subtype { get; set; }

    public string? User { get; set; }

    public string? Team { get; set; }

    public string? Text { get; set; }

    public string? Channel { get; set; }

    public string? ChannelType { get; set; }

    public string? ThreadTs { get; set; }

    /// <summary>Set on messages a bot (this one included) wrote.</summary>
    public string? BotId { get; set; }
}
