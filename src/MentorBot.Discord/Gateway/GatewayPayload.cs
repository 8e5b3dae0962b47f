using System.Text.Json;

namespace MentorBot.Discord.Gateway;

/// <summary>A received Gateway frame: <c>{op, d, s, t}</c>; <see cref="S"/> and <see cref="T"/> are set on dispatches only.</summary>
public sealed record GatewayPayload
{
    public int Op { get; init; }

    public JsonElement? D { get; init; }

    public long? S { get; init; }

    public string? T { get; init; }
}
