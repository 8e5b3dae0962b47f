using System.Text;

namespace MentorBot.Slack.Rendering;

/// <summary>
/// Slack treats <c>&amp;</c>, <c>&lt;</c> and <c>&gt;</c> as control characters: <c>&lt;!channel&gt;</c> pings everyone and
/// <c>&lt;https://evil|innocent&gt;</c> spoofs a link. Every piece of user or knowledge text passes through here.
/// Only these three are encoded, because Slack decodes only these three.
/// </summary>
public static class SlackEscaper
{
    public static string Escape(string text)
    {
        if (text.AsSpan().IndexOfAny('&', '<', '>') < 0)
            return text;
        var builder = new StringBuilder(text.Length + 16);
        foreach (var c in text)
        {
            builder.Append(c switch
            {
                '&' => "&amp;",
                '<' => "&lt;",
                '>' => "&gt;",
                _ => null,
            });
            if (c is not ('&' or '<' or '>'))
                builder.Append(c);
        }

        return builder.ToString();
    }
}
