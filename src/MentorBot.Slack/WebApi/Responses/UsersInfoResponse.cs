using System.Text.Json.Serialization;
using MentorBot.Slack.Payloads;

namespace MentorBot.Slack.WebApi.Responses;

/// <summary><c>users.info</c>: one workspace member.</summary>
public sealed class UsersInfoResponse : SlackApiResponse
{
    [JsonConverter(typeof(ObjectOrAbsentConverter<UserObject>))]
    public UserObject? User { get; set; }
}
