namespace MentorBot.Discord.Gateway;

/// <summary>Op 2. Interactions need no intents, so the bot asks for none (and thus no privileged ones).</summary>
public sealed record IdentifyCommand(IdentifyData D)
{
    public int Op { get; init; } = GatewayOpcodes.Identify;
}
