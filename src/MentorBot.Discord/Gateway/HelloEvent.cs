namespace MentorBot.Discord.Gateway;

public sealed record HelloEvent
{
    /// <summary>Milliseconds.</summary>
    public int HeartbeatInterval { get; init; }
}
