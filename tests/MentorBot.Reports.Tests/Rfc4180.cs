using System.Text;

namespace MentorBot.Reports.Tests;

/// <summary>An independent, strict RFC 4180 reader: what a spreadsheet would see in each cell.</summary>
internal static class Rfc4180
{
    public static List<string[]> Parse(string text)
    {
        var records = new List<string[]>();
        var fields = new List<string>();
        var field = new StringBuilder();
        var i = 0;
        while (i < text.Length)
        {
            if (text[i] == '"')
            {
                i++;
                while (true)
                {
                    if (i >= text.Length)
                        throw new FormatException("Unterminated quoted field.");
                    if (text[i] == '"')
                    {
                        if (i + 1 < text.Length && text[i + 1] == '"')
                        {
                            field.Append('"');
                            i += 2;
                            continue;
                        }
                        i++;
                        break;
                    }
                    field.Append(text[i++]);
                }
            }
            else
            {
                while (i < text.Length && text[i] != ',' && text[i] != '\r')
                {
                    if (text[i] is '"' or '\n')
                        throw new FormatException($"Bare {(text[i] == '"' ? "quote" : "line feed")} in an unquoted field at {i}.");
                    field.Append(text[i++]);
                }
            }

            fields.Add(field.ToString());
            field.Clear();
            if (i >= text.Length)
                throw new FormatException("The last record has no CRLF.");
            if (text[i] == ',')
            {
                i++;
                continue;
            }
            if (text[i] != '\r' || i + 1 >= text.Length || text[i + 1] != '\n')
                throw new FormatException($"Expected CRLF at {i}.");
            i += 2;
            records.Add([.. fields]);
            fields.Clear();
        }
        return records;
    }
}
