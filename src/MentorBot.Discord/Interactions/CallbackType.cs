namespace MentorBot.Discord.Interactions;

/// <summary>Interaction callback (response) types.</summary>
public static class CallbackType
{
    public const int Pong = 1;
    public const int ChannelMessage = 4;
    public const int DeferredChannelMessage = 5;
    public const int AutocompleteResult = 8;
}
