namespace MentorBot.Slack.WebApi.Responses;

/// <summary><c>auth.test</c>: who the bot token belongs to.</summary>
public sealed class AuthTestResponse : SlackApiResponse
{
    public string? UserId { get; set; }

    public string? TeamId { get; set; }

    public string? BotId { get; set; }
}
