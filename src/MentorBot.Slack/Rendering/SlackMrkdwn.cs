using System.Text;
using System.Text.RegularExpressions;

namespace MentorBot.Slack.Rendering;

/// <summary>Turns the core's small Markdown subset into Slack mrkdwn, escaping first so no markup can be injected.</summary>
public static partial class SlackMrkdwn
{
    public static string FromMarkdown(string markdown)
    {
        var escaped = SlackEscaper.Escape(markdown.Replace("\r\n", "\n", StringComparison.Ordinal));
        var lines = escaped.Split('\n');
        var builder = new StringBuilder(escaped.Length);
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i];
            var trimmed = line.TrimStart();
            // Slack has no list syntax; a bullet character keeps the list readable.
            if (trimmed.StartsWith("- ", StringComparison.Ordinal) || trimmed.StartsWith("* ", StringComparison.Ordinal))
                line = line[..(line.Length - trimmed.Length)] + "• " + trimmed[2..];
            builder.Append(Bold().Replace(line, "*$1*"));
            if (i < lines.Length - 1)
                builder.Append('\n');
        }

        return builder.ToString();
    }

    /// <summary>Plain text for notifications and the message fallback: markup removed, still escaped.</summary>
    public static string ToPlain(string markdown) =>
        SlackEscaper.Escape(Bold().Replace(markdown.Replace("\r\n", "\n", StringComparison.Ordinal), "$1"));

    [GeneratedRegex(@"\*\*(.+?)\*\*")]
    private static partial Regex Bold();
}
