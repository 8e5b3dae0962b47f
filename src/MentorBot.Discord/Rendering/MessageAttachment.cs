namespace MentorBot.Discord.Rendering;

/// <summary>An entry of a message's <c>attachments</c>: <see cref="Id"/> is the N of the multipart part <c>files[N]</c>.</summary>
public sealed record MessageAttachment(int Id, string Filename);
