namespace MentorBot.Slack.WebApi;

/// <summary>Slack's per-method rate tiers, as calls per minute; Special methods get a conservative figure.</summary>
internal static class SlackMethodTier
{
    public static int CallsPerMinute(string method) => method switch
    {
        "apps.connections.open" or "conversations.open" => 50, // Tier 3
        "users.info" => 100, // Tier 4
        "chat.postMessage" => 60, // Special: about one per second per channel, with bursts
        _ => 20, // Tier 2, the safe default for anything unlisted
    };
}
