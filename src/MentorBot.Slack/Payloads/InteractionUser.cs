namespace MentorBot.Slack.Payloads;

/// <summary>Who clicked, as an interactivity payload describes them.</summary>
public sealed record InteractionUser
{
    public string? Id { get; set; }

    public string? Username { get; set; }

    public string? Name { get; set; }

    public string? TeamId { get; set; }
}
