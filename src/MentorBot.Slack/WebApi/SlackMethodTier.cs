namespace MentorBot.Slack.WebApi;

/// <summary>Slack's per-method rate tiers; Special methods get a conservative figure.</summary>
internal static class SlackMethodTier
{
    /// <summary>
    /// chat.postMessage is paced per channel, not per method: Slack allows "one message per second per channel" with
    /// short bursts, so a busy DM must not hold back posts to other channels.
    /// </summary>
    public static readonly SlackRate PostMessagePerChannel = new(60, 3);

    public static int CallsPerMinute(string method) => method switch
    {
        "apps.connections.open" or "conversations.open" or "conversations.history" => 50, // Tier 3
        "users.info" or "files.getUploadURLExternal" or "files.completeUploadExternal" => 100, // Tier 4
        _ => 20, // Tier 2, the safe default for anything unlisted
    };

    /// <summary>The method's bucket: a minute's worth of calls as the burst.</summary>
    public static SlackRate ForMethod(string method)
    {
        var perMinute = CallsPerMinute(method);
        return new SlackRate(perMinute, perMinute);
    }
}
