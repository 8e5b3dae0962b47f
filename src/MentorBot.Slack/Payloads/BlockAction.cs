namespace MentorBot.Slack.Payloads;

/// <summary>One action of a <c>block_actions</c> payload; a follow-up button carries its command in <see cref="Value"/>.</summary>
public sealed record BlockAction
{
    public string? ActionId { get; set; }

    public string? Value { get; set; }
}
