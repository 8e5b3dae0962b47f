using System.Globalization;
using System.Text;

namespace MentorBot.Core.Knowledge.Learning;

/// <summary>
/// Writes one line of text as a YAML scalar that reads back as exactly that text: plain when nothing in it means
/// something to YAML (as the knowledge files are written by hand), double-quoted otherwise.
/// </summary>
internal static class YamlScalar
{
    private const string Indicators = "-?:,[]{}#&*!|>'\"%@`";

    public static string Write(string text)
    {
        var plain = text.Length > 0
            && !Indicators.Contains(text[0], StringComparison.Ordinal)
            && text.Trim() == text
            && !text.Contains(": ", StringComparison.Ordinal)
            && !text.Contains(" #", StringComparison.Ordinal)
            && !text.EndsWith(':')
            && !text.Any(c => char.IsControl(c) || c is '\u2028' or '\u2029' or '\uFEFF' or '\u0085');
        return plain ? text : Quoted(text);
    }

    private static string Quoted(string text)
    {
        var quoted = new StringBuilder(text.Length + 2).Append('"');
        foreach (var c in text)
        {
            switch (c)
            {
                case '"':
                    quoted.Append("\\\"");
                    break;
                case '\\':
                    quoted.Append("\\\\");
                    break;
                default:
                    if (char.IsControl(c) || c is '\u2028' or '\u2029' or '\uFEFF' or '\u0085')
                        quoted.Append(CultureInfo.InvariantCulture, $"\\u{(int)c:X4}");
                    else
                        quoted.Append(c);
                    break;
            }
        }

        return quoted.Append('"').ToString();
    }
}
