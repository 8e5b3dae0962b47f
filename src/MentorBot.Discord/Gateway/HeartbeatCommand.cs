using System.Text.Json.Serialization;

namespace MentorBot.Discord.Gateway;

/// <summary>Op 1 with the last sequence number, or null before any dispatch (sent as an explicit null).</summary>
public sealed record HeartbeatCommand([property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] long? D)
{
    public int Op { get; init; } = GatewayOpcodes.Heartbeat;
}
