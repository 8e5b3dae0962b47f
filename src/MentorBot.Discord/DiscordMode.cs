namespace MentorBot.Discord;

/// <summary>How interactions reach the bot: over the Gateway WebSocket (no public URL needed) or as signed HTTP POSTs.</summary>
public enum DiscordMode
{
    Gateway,
    Http,
}
