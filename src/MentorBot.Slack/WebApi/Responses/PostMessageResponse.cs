namespace MentorBot.Slack.WebApi.Responses;

/// <summary><c>chat.postMessage</c>: the posted message's <c>ts</c>, its id within the channel.</summary>
public sealed class PostMessageResponse : SlackApiResponse
{
    public string? Ts { get; set; }
}
