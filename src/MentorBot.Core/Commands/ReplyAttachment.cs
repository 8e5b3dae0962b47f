namespace MentorBot.Core.Commands;

/// <summary>
/// A file that goes with a reply (the learner's <c>/mydata</c> export). Adapters upload it the platform's way and show
/// it only to those who may see the reply; an adapter that cannot send files says so instead of dropping it silently.
/// </summary>
public sealed record ReplyAttachment(string FileName, string MediaType, byte[] Content);
