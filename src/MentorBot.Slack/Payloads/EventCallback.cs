using System.Text.Json.Serialization;
using MentorBot.Core.Challenges;

namespace MentorBot.Slack.Payloads;

/// <summary>
/// An Events API request body (over HTTP) or a Socket Mode <c>events_api</c> payload: <c>url_verification</c> with its
/// <c>challenge</c>, or <c>event_callback</c> with one <see cref="SlackEvent"/>.
/// </summary>
public sealed record EventCallback
{
    public string? Type { get; set; }

    public string? Challenge { get; set; }

    public string? EventId { get; set; }

    public string? TeamId { get; set; }

    [JsonConverter(typeof(ObjectOrAbsentConverter<SlackEvent>))]
    public SlackEvent? Event { get; set; }
}
