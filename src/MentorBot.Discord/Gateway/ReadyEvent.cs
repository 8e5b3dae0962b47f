namespace MentorBot.Discord.Gateway;

public sealed record ReadyEvent
{
    public string SessionId { get; init; } = "";

    public string? ResumeGatewayUrl { get; init; }
}
