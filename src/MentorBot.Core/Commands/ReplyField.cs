namespace MentorBot.Core.Commands;

/// <summary>A labelled value shown beside the reply text (Discord embed field, Slack section field).</summary>
public sealed record ReplyField(string Name, string Value, bool Inline = false);
