using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace MentorBot.Core.Knowledge.Loading;

/// <summary>A Markdown file split into its YAML front matter and its body, with the line numbers of both.</summary>
internal sealed record FrontMatter(YamlMappingNode Header, string Body, int BodyFirstLine)
{
    /// <summary>Lines before the YAML block; YamlDotNet counts from the start of the block, the author from the top of the file.</summary>
    public int HeaderLineOffset { get; init; }

    public static FrontMatter? Parse(string file, string text, List<KnowledgeProblem> problems)
    {
        var lines = text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        if (lines.Length == 0 || lines[0].Trim() != "---")
        {
            problems.Add(new(file, 1, "expected YAML front matter starting with a '---' line"));
            return null;
        }

        var close = Array.FindIndex(lines, 1, l => l.TrimEnd() == "---");
        if (close < 0)
        {
            problems.Add(new(file, 1, "front matter is not closed by a second '---' line"));
            return null;
        }

        var yaml = string.Join('\n', lines[1..close]);
        var body = string.Join('\n', lines[(close + 1)..]).Trim();
        // The body is trimmed, so its first line is the first non-blank line after the closing '---'.
        var bodyStart = close + 1;
        while (bodyStart < lines.Length - 1 && string.IsNullOrWhiteSpace(lines[bodyStart]))
            bodyStart++;
        try
        {
            var stream = new YamlStream();
            stream.Load(new StringReader(yaml));
            if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is not YamlMappingNode root)
            {
                problems.Add(new(file, 2, "front matter must be a YAML mapping of fields"));
                return null;
            }

            return new FrontMatter(root, body, bodyStart + 1) { HeaderLineOffset = 1 };
        }
        catch (YamlException ex)
        {
            problems.Add(new(file, (int)ex.Start.Line + 1, $"YAML error: {FirstSentence(ex.Message)}"));
            return null;
        }
        catch (InvalidOperationException)
        {
            // YamlDotNet's scanner throws this instead of a YamlException on some malformed input (an unclosed '[').
            problems.Add(new(file, 2, UnreadableYaml));
            return null;
        }
    }

    /// <summary>The message for YAML that YamlDotNet cannot parse without telling where.</summary>
    public const string UnreadableYaml = "YAML error: the front matter cannot be parsed; look for an unclosed '[', '{' or quote";

    public int LineOf(YamlNode node) => (int)node.Start.Line + HeaderLineOffset;

    private static string FirstSentence(string message)
    {
        var start = message.IndexOf("): ", StringComparison.Ordinal);
        return start >= 0 ? message[(start + 3)..] : message;
    }
}
