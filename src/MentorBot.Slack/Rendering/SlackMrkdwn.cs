using System.Text.RegularExpressions;
using MentorBot.Core.Identity;

namespace MentorBot.Slack.Rendering;

/// <summary>Turns the core's small Markdown subset into Slack mrkdwn, escaping first so no markup can be injected.</summary>
public static partial class SlackMrkdwn
{
    /// <param name="markdown">The core's Markdown.</param>
    /// <param name="channelLinks">Channel ids the core chose itself (<see cref="Core.Commands.Reply.ChannelLinks"/>): their <c>&lt;#id&gt;</c> stays a link.</param>
    public static string FromMarkdown(string markdown, IReadOnlyCollection<string>? channelLinks = null)
    {
        var text = SlackEscaper.Escape(markdown.Replace("\r\n", "\n", StringComparison.Ordinal));
        // Slack has no list syntax; a bullet character keeps the list readable.
        if (text.Contains("- ", StringComparison.Ordinal) || text.Contains("* ", StringComparison.Ordinal))
            text = Bullet().Replace(text, "$1• ");
        if (text.Contains("**", StringComparison.Ordinal))
            text = Bold().Replace(text, "*$1*");
        return LinkChannels(text, channelLinks);
    }

    /// <summary>Plain text for notifications and the message fallback: markup removed, still escaped, the core's channel links kept.</summary>
    public static string ToPlain(string markdown, IReadOnlyCollection<string>? channelLinks = null)
    {
        var text = markdown.Replace("\r\n", "\n", StringComparison.Ordinal);
        return LinkChannels(SlackEscaper.Escape(text.Contains("**", StringComparison.Ordinal) ? Bold().Replace(text, "$1") : text), channelLinks);
    }

    /// <summary>
    /// Undoes the escaping of <c>&lt;#id&gt;</c> for the given ids only, so a configured channel renders as Slack's channel
    /// link while everything a user typed stays escaped. Only id-shaped ids (<see cref="PlatformIds"/>: no <c>|</c>,
    /// <c>&lt;</c>, <c>&gt;</c>, <c>!</c>) qualify, so not even a mistyped configuration value can make a ping or a labelled link.
    /// The same link typed by a user also shows as a link: it names a channel the bot announces in, and pings no one.
    /// </summary>
    private static string LinkChannels(string escaped, IReadOnlyCollection<string>? channelLinks)
    {
        if (channelLinks is null || channelLinks.Count == 0)
            return escaped;
        foreach (var id in channelLinks)
        {
            if (PlatformIds.IsValid(id))
                escaped = escaped.Replace("&lt;#" + id + "&gt;", "<#" + id + ">", StringComparison.Ordinal);
        }
        return escaped;
    }

    // '.' stops at line ends, so bold never spans lines, as in the core's Markdown.
    [GeneratedRegex(@"\*\*(.+?)\*\*")]
    private static partial Regex Bold();

    [GeneratedRegex(@"^([ \t]*)[-*] ", RegexOptions.Multiline)]
    private static partial Regex Bullet();
}
