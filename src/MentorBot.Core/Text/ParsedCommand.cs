using MentorBot.Core.Commands;
using MentorBot.Core.Identity;

namespace MentorBot.Core.Text;

/// <summary>A chat line understood as a command; turn it into a request with <see cref="ToRequest"/>.</summary>
public sealed record ParsedCommand(string Command, string? Subcommand, IReadOnlyDictionary<string, string> Options)
{
    public CommandRequest ToRequest(Actor actor, CommunityId community) =>
        new(Command, Options, actor, community) { Subcommand = Subcommand };
}
