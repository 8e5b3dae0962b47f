namespace MentorBot.Discord.Rendering;

/// <summary>Message flag bits the bot sets.</summary>
public static class MessageFlags
{
    public const int Ephemeral = 1 << 6;
}
