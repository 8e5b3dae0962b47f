namespace MentorBot.Slack;

/// <summary>How Slack reaches the bot: an outbound WebSocket (no public URL needed) or signed HTTP requests.</summary>
public enum SlackMode
{
    SocketMode,
    Http,
}
