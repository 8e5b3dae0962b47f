namespace MentorBot.Core.Health;

/// <summary>One chat adapter as <c>/healthz</c> reports it: its platform name and whether it can talk to users now.</summary>
public interface IAdapterStatus
{
    /// <summary>The platform: "console", "discord", "slack".</summary>
    string Name { get; }

    bool Connected { get; }
}
