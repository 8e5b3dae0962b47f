namespace MentorBot.Discord.Rest;

/// <summary>JSON error codes the adapter reacts to.</summary>
public static class DiscordErrorCodes
{
    public const int UnknownChannel = 10003;
    public const int UnknownInteraction = 10062;
    public const int InteractionAlreadyAcknowledged = 40060;
    public const int CannotSendToUser = 50007;
}
