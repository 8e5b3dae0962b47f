namespace MentorBot.Core.Commands;

/// <summary>A fixed value an option may take.</summary>
public sealed record OptionChoice(string Name, string Value);
