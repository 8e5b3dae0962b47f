namespace MentorBot.Discord.Gateway;

/// <summary>The raw token (no "Bot " prefix), the intents bit set and the client's self-description.</summary>
public sealed record IdentifyData(string Token, int Intents, IdentifyProperties Properties);
