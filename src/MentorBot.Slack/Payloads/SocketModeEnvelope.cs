using System.Text.Json;

namespace MentorBot.Slack.Payloads;

/// <summary>
/// A Socket Mode envelope: its id (echoed in the acknowledgement), its type, and its payload, whose shape the type
/// decides (<c>slash_commands</c>: <see cref="SlashCommandPayload"/>, <c>events_api</c>: <see cref="EventCallback"/>,
/// <c>interactive</c>: <see cref="InteractionPayload"/>), so it is kept as JSON until the type is known.
/// </summary>
public sealed record SocketModeEnvelope
{
    public string? EnvelopeId { get; set; }

    public string? Type { get; set; }

    public JsonElement Payload { get; set; }

    public bool AcceptsResponsePayload { get; set; }
}
