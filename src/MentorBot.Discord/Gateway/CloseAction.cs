namespace MentorBot.Discord.Gateway;

/// <summary>What to do after the Gateway connection closed.</summary>
public enum CloseAction
{
    /// <summary>Reconnect to <c>resume_gateway_url</c> and Resume the session.</summary>
    Resume,

    /// <summary>The session is gone: reconnect and Identify afresh.</summary>
    Reidentify,

    /// <summary>Reconnecting cannot help (bad token, bad intents, bad shard); stop the adapter.</summary>
    Fatal,
}
