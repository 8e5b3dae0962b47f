using System.Text.RegularExpressions;

namespace MentorBot.Slack.Rendering;

/// <summary>Turns the core's small Markdown subset into Slack mrkdwn, escaping first so no markup can be injected.</summary>
public static partial class SlackMrkdwn
{
    public static string FromMarkdown(string markdown)
    {
        var text = SlackEscaper.Escape(markdown.Replace("\r\n", "\n", StringComparison.Ordinal));
        // Slack has no list syntax; a bullet character keeps the list readable.
        if (text.Contains("- ", StringComparison.Ordinal) || text.Contains("* ", StringComparison.Ordinal))
            text = Bullet().Replace(text, "$1• ");
        return text.Contains("**", StringComparison.Ordinal) ? Bold().Replace(text, "*$1*") : text;
    }

    /// <summary>Plain text for notifications and the message fallback: markup removed, still escaped.</summary>
    public static string ToPlain(string markdown)
    {
        var text = markdown.Replace("\r\n", "\n", StringComparison.Ordinal);
        return SlackEscaper.Escape(text.Contains("**", StringComparison.Ordinal) ? Bold().Replace(text, "$1") : text);
    }

    // '.' stops at line ends, so bold never spans lines, as in the core's Markdown.
    [GeneratedRegex(@"\*\*(.+?)\*\*")]
    private static partial Regex Bold();

    [GeneratedRegex(@"^([ \t]*)[-*] ", RegexOptions.Multiline)]
    private static partial Regex Bullet();
}
