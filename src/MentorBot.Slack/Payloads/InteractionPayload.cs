using System.Text.Json.Serialization;

namespace MentorBot.Slack.Payloads;

/// <summary>
/// An interactivity payload (the <c>payload</c> form field over HTTP, a Socket Mode <c>interactive</c> payload). The bot
/// handles <c>block_actions</c>: clicks on its follow-up buttons.
/// </summary>
public sealed record InteractionPayload
{
    public string? Type { get; set; }

    [JsonConverter(typeof(ObjectOrAbsentConverter<InteractionUser>))]
    public InteractionUser? User { get; set; }

    [JsonConverter(typeof(ObjectOrAbsentConverter<SlackIdRef>))]
    public SlackIdRef? Team { get; set; }

    [JsonConverter(typeof(ObjectOrAbsentConverter<SlackIdRef>))]
    public SlackIdRef? Channel { get; set; }

    [JsonConverter(typeof(ListOrAbsentConverter<BlockAction>))]
    public IReadOnlyList<BlockAction> Actions { get; set; } = [];

    public string? ResponseUrl { get; set; }
}
