using System.Text;

namespace MentorBot.Core.Text;

/// <summary>Splits on whitespace; double quotes group words and may start mid-token (<c>title:"a b"</c>).</summary>
internal static class TextTokenizer
{
    public static List<TextToken> Tokenize(string line)
    {
        var tokens = new List<TextToken>();
        var i = 0;
        while (i < line.Length)
        {
            while (i < line.Length && char.IsWhiteSpace(line[i]))
                i++;
            if (i >= line.Length)
                break;

            var start = i;
            var value = new StringBuilder();
            var quoted = false;
            while (i < line.Length && !char.IsWhiteSpace(line[i]))
            {
                if (line[i] == '"')
                {
                    quoted = true;
                    var close = line.IndexOf('"', i + 1);
                    // An unmatched quote is taken literally rather than swallowing the rest of the line.
                    if (close < 0)
                    {
                        value.Append(line[i]);
                        i++;
                        continue;
                    }
                    value.Append(line, i + 1, close - i - 1);
                    i = close + 1;
                }
                else
                {
                    value.Append(line[i]);
                    i++;
                }
            }
            tokens.Add(new TextToken(value.ToString(), start, i, quoted));
        }
        return tokens;
    }
}
