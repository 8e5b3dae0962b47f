using System.Text;
using System.Text.RegularExpressions;
using MentorBot.Core.Commands;

namespace MentorBot.Core.Text;

/// <summary>
/// Renders a <see cref="Reply"/> for a terminal: no colours, no markup, follow-ups as commands to type. The Markdown
/// subset replies use becomes plain text: <c>**bold**</c> and <c>`code`</c> lose their markers, <c>[text](url)</c>
/// becomes <c>text (url)</c>.
/// </summary>
public static partial class PlainTextRenderer
{
    public static string Render(Reply reply)
    {
        var output = new StringBuilder();
        if (!string.IsNullOrWhiteSpace(reply.Title))
            output.Append(Strip(reply.Title)).Append('\n');
        if (!string.IsNullOrWhiteSpace(reply.Text))
            output.Append(Strip(reply.Text)).Append('\n');
        foreach (var field in reply.Fields)
            output.Append(field.Name).Append(": ").Append(Strip(field.Value)).Append('\n');
        var number = 0;
        foreach (var followUp in reply.FollowUps)
        {
            // Ratings are buttons on chat platforms; the console rates with /faq helpful and /faq unhelpful instead.
            if (followUp.Rates)
                continue;
            output.Append(++number).Append(". → ").Append(CommandLine(followUp)).Append("  (").Append(followUp.Label).Append(")\n");
        }
        if (!string.IsNullOrWhiteSpace(reply.Footer))
            output.Append("— ").Append(Strip(reply.Footer)).Append('\n');
        return output.ToString().TrimEnd('\n');
    }

    /// <summary>The line to type for a follow-up; a lone option is written positionally (<c>/faq docker-basics</c>).</summary>
    public static string CommandLine(FollowUp followUp)
    {
        var line = new StringBuilder("/").Append(followUp.Command);
        var typed = followUp.Options.Where(o => !string.Equals(o.Key, FollowUp.QuestionLogOption, StringComparison.OrdinalIgnoreCase)).ToList();
        if (typed.Count == 1)
        {
            line.Append(' ').Append(typed[0].Value);
            return line.ToString();
        }
        foreach (var (name, value) in typed)
        {
            line.Append(' ').Append(name).Append(':');
            line.Append(value.Contains(' ', StringComparison.Ordinal) ? $"\"{value}\"" : value);
        }
        return line.ToString();
    }

    /// <summary>The text of a reply's Markdown as a terminal should show it.</summary>
    public static string Strip(string text) =>
        MarkdownLink().Replace(text, "$1 ($2)").Replace("**", "", StringComparison.Ordinal).Replace("`", "", StringComparison.Ordinal);

    [GeneratedRegex(@"\[([^\]\n]+)\]\(([^)\s]+)\)", RegexOptions.CultureInvariant)]
    private static partial Regex MarkdownLink();
}
