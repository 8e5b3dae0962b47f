using System.Text.Json.Serialization;
using MentorBot.Slack.Payloads;

namespace MentorBot.Slack.WebApi.Responses;

/// <summary>The parts of Slack's user object the bot reads: names, time zone and roles.</summary>
public sealed record UserObject
{
    public string? Id { get; set; }

    public string? Name { get; set; }

    public string? Tz { get; set; }

    public bool IsAdmin { get; set; }

    public bool IsOwner { get; set; }

    public bool IsPrimaryOwner { get; set; }

    public bool IsBot { get; set; }

    [JsonConverter(typeof(ObjectOrAbsentConverter<UserProfile>))]
    public UserProfile? Profile { get; set; }
}
