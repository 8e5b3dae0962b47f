namespace MentorBot.Core.Faq;

/// <summary>
/// Tells when a question is probably not in English, so the bot can say that it answers in English rather than
/// guess. A question counts when most of its letters are outside the Latin script, or when most of its words are
/// neither English nor words the knowledge base uses.
/// </summary>
internal static class LanguageHint
{
    public static bool LooksNonEnglish(string question, IReadOnlyList<string> tokens, Func<string, bool> knownToKnowledge)
    {
        int letters = 0, latin = 0;
        foreach (var c in question)
        {
            if (!char.IsLetter(c))
                continue;
            letters++;
            if (c < '\u0250')
                latin++;
        }

        if (letters >= 2 && latin * 2 < letters)
            return true;

        var words = tokens.Where(t => t.Length >= 2 && !t.All(char.IsDigit)).ToList();
        if (words.Count < 3)
            return false;
        var foreign = words.Count(w => !EnglishWords.Contains(w) && !knownToKnowledge(w));
        return foreign * 3 >= words.Count * 2;
    }
}
