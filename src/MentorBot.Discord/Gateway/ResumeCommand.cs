namespace MentorBot.Discord.Gateway;

/// <summary>Op 6, sent on <c>resume_gateway_url</c> instead of Identify after a drop.</summary>
public sealed record ResumeCommand(ResumeData D)
{
    public int Op { get; init; } = GatewayOpcodes.Resume;
}
