namespace MentorBot.Host.Console;

/// <summary>
/// The console adapter (<c>Console:*</c>). It runs when asked, or by default when neither Discord nor Slack is
/// configured, so a host without tokens can try the bot straight away.
/// </summary>
public sealed record ConsoleOptions
{
    public bool? Enabled { get; init; }

    public string UserId { get; init; } = "local";

    public string DisplayName { get; init; } = "you";

    /// <summary>Whether the local learner may use moderator commands; false tries the paths of everyone else.</summary>
    public bool IsModerator { get; init; } = true;

    /// <summary>The time zone the local learner starts with; their own <c>/subscribe</c> choice replaces it.</summary>
    public string? TimeZone { get; init; }

    /// <summary>Where files sent with a reply (the <c>/mydata</c> export) are written; empty means the working directory.</summary>
    public string? AttachmentDirectory { get; init; }
}
