using System.Reflection;

namespace MentorBot.Core.Faq;

/// <summary>
/// About 63,000 common English words (SCOWL lists up to size 50, by Kevin Atkinson; see english-words.LICENSE.txt).
/// A real word the knowledge base happens not to use ("prevent", "movie") must not be "corrected" into one it
/// does use ("present", "move"); only strings that are not words at all ("degre", "databse") are typos.
/// </summary>
internal static class EnglishWords
{
    private static readonly Lazy<HashSet<string>> Words = new(Load);

    public static bool Contains(string word) => Words.Value.Contains(word);

    private static HashSet<string> Load()
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("MentorBot.Core.Faq.english-words.txt")
            ?? throw new InvalidOperationException("The embedded English word list is missing from MentorBot.Core.");
        using var reader = new StreamReader(stream);
        var words = new HashSet<string>(StringComparer.Ordinal);
        while (reader.ReadLine() is { } line)
        {
            if (line.Length > 0)
                words.Add(line);
        }

        return words;
    }
}
