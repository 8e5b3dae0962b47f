namespace MentorBot.Discord.Rendering;

public sealed record EmbedFooter(string Text);
