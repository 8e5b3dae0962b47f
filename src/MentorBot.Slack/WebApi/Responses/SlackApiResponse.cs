namespace MentorBot.Slack.WebApi.Responses;

/// <summary>What every Web API answer carries: <c>ok</c>, and Slack's error code when it is false.</summary>
/// <remarks>Setters rather than init accessors, as in the Discord adapter's payloads: the source generator parses them faster.</remarks>
public class SlackApiResponse
{
    public bool Ok { get; set; }

    public string? Error { get; set; }
}
