using MentorBot.Discord.Commands;

namespace MentorBot.Discord.Interactions;

public sealed record AutocompleteData(IReadOnlyList<CommandChoice> Choices);
