using System.Text.Json.Serialization;
using MentorBot.Slack.Payloads;

namespace MentorBot.Slack.WebApi.Responses;

/// <summary>
/// A message's metadata, as read back from history. Posts of other apps carry other event types and payloads; only
/// <see cref="SlackDeliveryMetadata.EventType"/> with its delivery key is ours.
/// </summary>
public sealed record MessageMetadata
{
    public string? EventType { get; set; }

    [JsonConverter(typeof(ObjectOrAbsentConverter<DeliveryMetadataPayload>))]
    public DeliveryMetadataPayload? EventPayload { get; set; }
}
