namespace MentorBot.Core.Tests.Knowledge;

/// <summary>A throwaway knowledge folder under the temp directory, deleted on dispose.</summary>
internal sealed class TempKnowledgeFolder : IDisposable
{
    public TempKnowledgeFolder()
    {
        Root = Path.Combine(Path.GetTempPath(), "mentorbot-knowledge-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path.Combine(Root, "faq"));
    }

    public string Root { get; }

    /// <summary>Writes <paramref name="text"/> (LF line endings) to a path relative to the root and returns the full path.</summary>
    public string Write(string relativePath, string text)
    {
        var path = PathOf(relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text.Replace("\r\n", "\n", StringComparison.Ordinal));
        return path;
    }

    public string PathOf(string relativePath) => Path.Combine(Root, relativePath.Replace('/', Path.DirectorySeparatorChar));

    /// <summary>Two related FAQ entries, two roadmap weeks and a lexicon: the smallest folder that uses every part.</summary>
    public TempKnowledgeFolder WithValidContent()
    {
        Write("faq/alpha.md", KnowledgeFiles.Faq("alpha", "What is alpha?", ["How does alpha work?", "alpha basics", "Explain alpha to me"], related: ["beta"]));
        Write("faq/beta.md", KnowledgeFiles.Faq("beta", "What is beta?", ["How does beta work?", "beta basics", "Explain beta to me"], related: ["alpha"]));
        Write("roadmap/week-01.md", KnowledgeFiles.Week(1, 3, related: ["alpha"]));
        Write("roadmap/week-02.md", KnowledgeFiles.Week(2, 4));
        Write("lexicon.yaml", """
            synonyms:
              - [alpha, first letter]
              - [beta, second letter]
            off_topic:
              - nurse
            in_scope:
              - backend
            """);
        return this;
    }

    public void Dispose()
    {
        try
        {
            if (Directory.Exists(Root))
                Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // A watcher may still hold a handle for a moment; the temp folder is cleaned by the OS eventually.
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}

/// <summary>Builds knowledge files with a fixed, predictable line layout.</summary>
internal static class KnowledgeFiles
{
    /// <summary>
    /// Line layout: 1 <c>---</c>, 2 id, 3 title, 4 <c>questions:</c>, then one line per question, then tags, sources
    /// (2 lines), optional related (block list), <c>---</c>, the answer and a final <c>Sources:</c> line.
    /// </summary>
    public static string Faq(string id, string title, IReadOnlyList<string> questions, IReadOnlyList<string>? related = null, string? answer = null)
    {
        var lines = new List<string> { "---", $"id: {id}", $"title: {title}", "questions:" };
        lines.AddRange(questions.Select(q => $"  - {q}"));
        lines.Add("tags: [sample]");
        lines.Add("sources:");
        lines.Add("  - \"seed.txt (Sample Guide)\"");
        if (related is { Count: > 0 })
        {
            lines.Add("related:");
            lines.AddRange(related.Select(r => $"  - {r}"));
        }

        lines.Add("---");
        lines.Add(answer ?? $"The answer about {id}.\n\nSources: Sample Guide.");
        return string.Join('\n', lines) + "\n";
    }

    /// <summary>
    /// Line layout: 1 <c>---</c>, 2 week, 3 title, 4 goal, 5 <c>tasks:</c>, one line per task, done_when, optional related, <c>---</c>, notes.
    /// </summary>
    public static string Week(int week, int tasks, IReadOnlyList<string>? related = null)
    {
        var lines = new List<string> { "---", $"week: {week}", $"title: Week {week}", $"goal: Finish week {week}", "tasks:" };
        lines.AddRange(Enumerable.Range(1, tasks).Select(t => $"  - Task {t} of week {week}"));
        lines.Add($"done_when: Week {week} is done");
        if (related is { Count: > 0 })
            lines.Add($"related: [{string.Join(", ", related)}]");
        lines.Add("---");
        lines.Add($"Notes for week {week}.");
        return string.Join('\n', lines) + "\n";
    }
}

/// <summary>Finds the repository's shipped knowledge folder and the shared evaluation files beside it.</summary>
internal static class RepoPaths
{
    public static string KnowledgeRoot { get; } = Find(d => Directory.Exists(Path.Combine(d, "knowledge", "faq")))
        is { } repo ? Path.Combine(repo, "knowledge")
        : throw new InvalidOperationException($"No folder containing knowledge/faq above {AppContext.BaseDirectory}.");

    /// <summary><c>shared/eval/faq-topics.tsv</c> in the repository or any folder above it; null when absent.</summary>
    public static string? FaqTopics { get; } = Find(d => File.Exists(Path.Combine(d, "shared", "eval", "faq-topics.tsv")))
        is { } dir ? Path.Combine(dir, "shared", "eval", "faq-topics.tsv") : null;

    private static string? Find(Func<string, bool> match)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (match(dir.FullName))
                return dir.FullName;
        }

        return null;
    }
}
