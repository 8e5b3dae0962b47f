namespace MentorBot.Core.Knowledge.Loading;

/// <summary>
/// Reads <c>off-topic.txt</c>: one question per line that the bot must decline, blank lines and <c># comments</c>
/// ignored. The FAQ engine compares each question with them (<see cref="KnowledgeBase.OffTopicExamples"/>).
/// </summary>
internal static class OffTopicFileReader
{
    public const string FileName = "off-topic.txt";

    /// <summary>A chat message can be off topic too, so an example may be as long as a short message.</summary>
    public const int MaxLength = 400;

    public static List<(string Text, int Line)> Read(string file, string text, List<KnowledgeProblem> problems)
    {
        var examples = new List<(string Text, int Line)>();
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        var lines = text.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i].Trim();
            if (line.Length == 0 || line.StartsWith('#'))
                continue;
            if (line.Length > MaxLength)
            {
                problems.Add(new(file, i + 1, $"the example is {line.Length} characters; keep it to {MaxLength}"));
                continue;
            }

            var key = KnowledgeLoader.Normalize(line);
            if (key.Length == 0)
            {
                problems.Add(new(file, i + 1, "the example has no words"));
            }
            else if (seen.TryGetValue(key, out var first))
            {
                problems.Add(new(file, i + 1, $"the example also appears at line {first}"));
            }
            else
            {
                seen[key] = i + 1;
                examples.Add((line, i + 1));
            }
        }

        return examples;
    }
}
