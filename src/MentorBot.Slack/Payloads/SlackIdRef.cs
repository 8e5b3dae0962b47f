namespace MentorBot.Slack.Payloads;

/// <summary>An object of which the bot needs only the id: a payload's <c>team</c> or <c>channel</c>, <c>conversations.open</c>'s channel.</summary>
public sealed record SlackIdRef
{
    public string? Id { get; set; }
}
