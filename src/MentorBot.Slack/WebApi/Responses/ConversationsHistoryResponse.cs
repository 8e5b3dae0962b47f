using System.Text.Json.Serialization;
using MentorBot.Slack.Payloads;

namespace MentorBot.Slack.WebApi.Responses;

/// <summary><c>conversations.history</c>: one page of messages, newest first, and where the next page starts.</summary>
public sealed class ConversationsHistoryResponse : SlackApiResponse
{
    [JsonConverter(typeof(ListOrAbsentConverter<HistoryMessage>))]
    public IReadOnlyList<HistoryMessage> Messages { get; set; } = [];

    public bool HasMore { get; set; }

    [JsonConverter(typeof(ObjectOrAbsentConverter<ResponseMetadata>))]
    public ResponseMetadata? ResponseMetadata { get; set; }
}
