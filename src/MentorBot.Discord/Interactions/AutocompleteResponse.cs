namespace MentorBot.Discord.Interactions;

/// <summary>Callback type 8 with up to 25 choices.</summary>
public sealed record AutocompleteResponse(AutocompleteData Data)
{
    public int Type { get; init; } = CallbackType.AutocompleteResult;
}
