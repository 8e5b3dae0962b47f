namespace MentorBot.Benchmarks.Shared;

/// <summary>
/// The questions the throughput benchmarks ask. Real traffic asks many different things, so by default these are the
/// FAQ development set's questions (<c>../shared/eval/faq-dev.tsv</c> beside the repository), making the FAQ engine do
/// its full work instead of answering one string over and over; a short built-in list stands in without that file.
/// </summary>
internal static class BenchmarkQuestions
{
    /// <summary>First column of a TSV with a header row: <paramref name="path"/>, else the development set.</summary>
    public static (string[] Questions, string Source) Load(string? path = null)
    {
        path ??= DevSetPath();
        if (path is not null && File.Exists(path))
        {
            var fromFile = File.ReadLines(path).Skip(1)
                .Select(line => line.Split('\t')[0].Trim())
                .Where(q => q.Length > 0)
                .Distinct(StringComparer.Ordinal)
                .ToArray();
            if (fromFile.Length > 0)
                return (fromFile, path);
        }

        string[] builtIn =
        [
            "do I need a degree", "how long does it take to become a backend developer", "which language should I learn first",
            "how do I build a portfolio", "what is the salary in the US", "should I learn docker", "how to learn databases",
        ];
        return (builtIn, "the built-in list of 7 (no development set found)");
    }

    /// <summary><c>../shared/eval/faq-dev.tsv</c> next to the repository.</summary>
    private static string? DevSetPath() =>
        RepositoryRoot.Find() is { } root && Directory.GetParent(root) is { } parent ? Path.Combine(parent.FullName, "shared", "eval", "faq-dev.tsv") : null;
}
