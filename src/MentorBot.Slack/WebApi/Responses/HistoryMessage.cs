using System.Text.Json.Serialization;
using MentorBot.Slack.Payloads;

namespace MentorBot.Slack.WebApi.Responses;

/// <summary>A message in a conversation's history; the bot reads only the metadata its own posts carry.</summary>
public sealed record HistoryMessage
{
    [JsonConverter(typeof(ObjectOrAbsentConverter<MessageMetadata>))]
    public MessageMetadata? Metadata { get; set; }
}
