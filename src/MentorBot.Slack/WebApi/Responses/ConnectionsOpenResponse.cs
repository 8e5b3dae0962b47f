namespace MentorBot.Slack.WebApi.Responses;

/// <summary><c>apps.connections.open</c>: a one-time Socket Mode WebSocket URL.</summary>
public sealed class ConnectionsOpenResponse : SlackApiResponse
{
    public string? Url { get; set; }
}
