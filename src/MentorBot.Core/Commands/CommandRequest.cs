using MentorBot.Core.Identity;

namespace MentorBot.Core.Commands;

/// <summary>
/// A platform-free command: <c>/challenge submit id:3 link:https://…</c> arrives as Command "challenge",
/// Subcommand "submit", Options { id = "3", link = "https://…" }. Option names are matched case-insensitively.
/// </summary>
public sealed record CommandRequest(string Command, IReadOnlyDictionary<string, string> Options, Actor Actor, CommunityId Community)
{
    public string? Subcommand { get; init; }

    public string? ChannelId { get; init; }

    public string? Locale { get; init; }

    public string? Option(string name) =>
        Options.TryGetValue(name, out var value) && !string.IsNullOrWhiteSpace(value) ? value.Trim() : null;
}
