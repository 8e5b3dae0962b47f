using System.Text.RegularExpressions;

namespace MentorBot.Core.Faq;

/// <summary>
/// The sentences of a chat message that carry its question. A message that opens with context ("I'm in my final year,
/// been learning Node for six months…") embeds as an average of all of it, and the context pulls the vector away from
/// the entry the question is about; the question sentence alone is what the entries' phrasings look like.
/// </summary>
internal static partial class QuestionFocus
{
    private const int MinWords = 3;
    private const int MaxSegments = 4;

    private static readonly HashSet<string> Openers = new(StringComparer.OrdinalIgnoreCase)
    {
        "what", "whats", "what's", "wat", "how", "hows", "how's", "which", "why", "when", "where", "who", "whom",
        "should", "shall", "is", "isn't", "are", "am", "can", "could", "do", "does", "did", "will", "would", "may",
        "kindly", "please", "pls", "plz", "any", "anyone", "tell", "suggest", "guide", "help",
    };

    /// <summary>The message's question sentences, when it has more than one sentence; empty otherwise.</summary>
    public static IReadOnlyList<string> Segments(string message)
    {
        var sentences = Sentence().Split(message).Select(s => s.Trim()).Where(s => Words(s) >= MinWords).ToList();
        if (sentences.Count < 2)
            return [];
        return sentences.Where(IsQuestion).Take(MaxSegments).ToList();
    }

    private static bool IsQuestion(string sentence)
    {
        if (sentence.EndsWith('?'))
            return true;
        var first = FirstWord().Match(sentence);
        return first.Success && Openers.Contains(first.Value);
    }

    private static int Words(string s) => FirstWord().Count(s);

    [GeneratedRegex(@"(?<=[.?!])\s+|\n+|(?<=\?)(?=\S)")]
    private static partial Regex Sentence();

    [GeneratedRegex(@"[\p{L}\p{N}'’]+")]
    private static partial Regex FirstWord();
}
