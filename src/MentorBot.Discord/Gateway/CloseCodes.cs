namespace MentorBot.Discord.Gateway;

/// <summary>Gateway close codes and what each means for reconnecting, from Discord's opcodes-and-status-codes table.</summary>
public static class CloseCodes
{
    public const int AuthenticationFailed = 4004;
    public const int InvalidSeq = 4007;
    public const int SessionTimedOut = 4009;

    /// <param name="code">The close code, or null when the connection dropped without one.</param>
    public static CloseAction Classify(int? code) => code switch
    {
        AuthenticationFailed or (>= 4010 and <= 4014) => CloseAction.Fatal,
        InvalidSeq or SessionTimedOut => CloseAction.Reidentify,
        _ => CloseAction.Resume,
    };

    /// <summary>The sentence for the log when a fatal code stops the adapter.</summary>
    public static string Explain(int code) => code switch
    {
        AuthenticationFailed => "Discord rejected the bot token; check Discord:BotToken",
        4010 => "invalid shard",
        4011 => "sharding required: the bot is in too many guilds for one connection",
        4012 => "invalid API version",
        4013 => "invalid intents",
        4014 => "disallowed intents: enable them in the developer portal or remove them",
        _ => "close code " + code,
    };
}
