using System.Text.Json.Nodes;

namespace MentorBot.Slack.WebApi;

/// <summary>
/// The message metadata (<c>{event_type, event_payload}</c>) that tags a bot post with the core's delivery key, so a
/// retry can recognise in the channel's history a message an earlier attempt already posted.
/// </summary>
public static class SlackDeliveryMetadata
{
    public const string EventType = "mentorbot_delivery";

    public const string KeyField = "delivery_key";

    public static JsonObject For(string deliveryKey) => new()
    {
        ["event_type"] = EventType,
        ["event_payload"] = new JsonObject { [KeyField] = deliveryKey },
    };
}
