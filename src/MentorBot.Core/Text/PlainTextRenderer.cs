using System.Text;
using MentorBot.Core.Commands;

namespace MentorBot.Core.Text;

/// <summary>Renders a <see cref="Reply"/> for a terminal: no colours, no markup, follow-ups as commands to type.</summary>
public static class PlainTextRenderer
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
        for (var i = 0; i < reply.FollowUps.Count; i++)
        {
            var followUp = reply.FollowUps[i];
            output.Append(i + 1).Append(". → ").Append(CommandLine(followUp)).Append("  (").Append(followUp.Label).Append(")\n");
        }
        if (!string.IsNullOrWhiteSpace(reply.Footer))
            output.Append("— ").Append(Strip(reply.Footer)).Append('\n');
        return output.ToString().TrimEnd('\n');
    }

    /// <summary>The line to type for a follow-up; a lone option is written positionally (<c>/faq docker-basics</c>).</summary>
    public static string CommandLine(FollowUp followUp)
    {
        var line = new StringBuilder("/").Append(followUp.Command);
        if (followUp.Options.Count == 1)
        {
            line.Append(' ').Append(followUp.Options.Values.First());
            return line.ToString();
        }
        foreach (var (name, value) in followUp.Options)
        {
            line.Append(' ').Append(name).Append(':');
            line.Append(value.Contains(' ', StringComparison.Ordinal) ? $"\"{value}\"" : value);
        }
        return line.ToString();
    }

    // Bold markers only make sense to Markdown renderers; code ticks stay because they still read as code.
    private static string Strip(string text) => text.Replace("**", "", StringComparison.Ordinal);
}
