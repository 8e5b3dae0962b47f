using MentorBot.Core.Identity;

namespace MentorBot.Core.Commands;

/// <summary>Who sent a command. The adapter decides <see cref="IsModerator"/> from the platform's own permission bits.</summary>
public sealed record Actor(LearnerId Id, string DisplayName, bool IsModerator)
{
    /// <summary>The platform's idea of the person's IANA time zone (Slack profiles carry one), used when they have not chosen one.</summary>
    public string? TimeZoneHint { get; init; }
}
