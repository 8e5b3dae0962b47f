namespace MentorBot.Discord.Gateway;

/// <summary><see cref="Seq"/> is the last sequence number received, so Discord replays only what was missed.</summary>
public sealed record ResumeData(string Token, string SessionId, long? Seq);
