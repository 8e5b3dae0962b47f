namespace MentorBot.Discord.Rendering;

public sealed record EmbedField(string Name, string Value, bool Inline);
