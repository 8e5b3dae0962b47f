using System.Text.Json.Serialization;
using MentorBot.Slack.Payloads;

namespace MentorBot.Slack.WebApi.Responses;

/// <summary><c>conversations.open</c>: the DM channel.</summary>
public sealed class ConversationsOpenResponse : SlackApiResponse
{
    [JsonConverter(typeof(ObjectOrAbsentConverter<SlackIdRef>))]
    public SlackIdRef? Channel { get; set; }
}
