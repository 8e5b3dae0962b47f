using MentorBot.Core.Commands;
using Microsoft.AspNetCore.Html;

namespace MentorBot.Dashboard.Rendering;

/// <summary>
/// A core <see cref="Reply"/> as HTML, for pages that show what a command answers (<c>/schedule preview</c>). The
/// reply's Markdown subset (paragraphs, <c>- </c> bullets, <c>**bold**</c>, <c>`code`</c>) becomes tags; every piece of
/// text is appended through <see cref="HtmlContentBuilder.Append"/>, which encodes it, so no reply text is ever markup.
/// </summary>
public static class ReplyHtml
{
    public static IHtmlContent Render(Reply reply)
    {
        ArgumentNullException.ThrowIfNull(reply);
        var html = new HtmlContentBuilder();
        html.AppendHtml("<div class=\"reply\">");
        if (!string.IsNullOrEmpty(reply.Title))
            html.AppendHtml("<h2>").Append(reply.Title).AppendHtml("</h2>");
        var inList = false;
        foreach (var raw in reply.Text.Split('\n'))
        {
            var line = raw.TrimEnd('\r');
            var bullet = line.StartsWith("- ", StringComparison.Ordinal);
            if (bullet && !inList)
                html.AppendHtml("<ul>");
            if (!bullet && inList)
                html.AppendHtml("</ul>");
            inList = bullet;
            if (bullet)
            {
                html.AppendHtml("<li>");
                Inline(html, line[2..]);
                html.AppendHtml("</li>");
            }
            else if (line.Length > 0)
            {
                html.AppendHtml("<p>");
                Inline(html, line);
                html.AppendHtml("</p>");
            }
        }
        if (inList)
            html.AppendHtml("</ul>");
        foreach (var field in reply.Fields)
            html.AppendHtml("<p><strong>").Append(field.Name).AppendHtml("</strong>: ").Append(field.Value).AppendHtml("</p>");
        if (!string.IsNullOrEmpty(reply.Footer))
            html.AppendHtml("<footer>").Append(reply.Footer).AppendHtml("</footer>");
        html.AppendHtml("</div>");
        return html;
    }

    // **bold** and `code` spans; an unmatched marker stays as text.
    private static void Inline(HtmlContentBuilder html, string text)
    {
        var i = 0;
        while (i < text.Length)
        {
            var bold = text.IndexOf("**", i, StringComparison.Ordinal);
            var code = text.IndexOf('`', i);
            var next = bold < 0 ? code : code < 0 ? bold : Math.Min(bold, code);
            if (next < 0)
                break;
            var isBold = next == bold;
            var marker = isBold ? "**" : "`";
            var end = text.IndexOf(marker, next + marker.Length, StringComparison.Ordinal);
            if (end < 0)
                break;
            html.Append(text[i..next]);
            var tag = isBold ? "strong" : "code";
            html.AppendHtml("<" + tag + ">").Append(text[(next + marker.Length)..end]).AppendHtml("</" + tag + ">");
            i = end + marker.Length;
        }
        html.Append(text[i..]);
    }
}
