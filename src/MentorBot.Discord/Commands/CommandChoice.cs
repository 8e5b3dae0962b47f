namespace MentorBot.Discord.Commands;

/// <summary>A fixed or autocompleted option value; the core's choices are all strings.</summary>
public sealed record CommandChoice(string Name, string Value);
