namespace MentorBot.Slack.WebApi.Responses;

/// <summary>The <c>event_payload</c> of the bot's own delivery metadata (see <see cref="SlackDeliveryMetadata"/>).</summary>
public sealed record DeliveryMetadataPayload
{
    public string? DeliveryKey { get; set; }
}
