namespace MentorBot.Core.Faq;

/// <summary>
/// Tells when a question is probably not in English, so the bot can say that it answers in English rather than
/// guess. A question counts when most of its letters are outside the Latin script; when it has accented letters and
/// half its words are neither English nor words the knowledge base uses; or when two thirds of its words are neither,
/// nor typos of a word it uses.
/// </summary>
internal static class LanguageHint
{
    public static bool LooksNonEnglish(string question, IReadOnlyList<string> tokens, Func<string, bool> known, Func<string, bool> typoOfKnown)
    {
        int letters = 0, latin = 0, accented = 0;
        foreach (var c in question)
        {
            if (!char.IsLetter(c))
                continue;
            letters++;
            if (c < '\u0250')
                latin++;
            if (c is >= '\u00C0' and < '\u0250')
                accented++;
        }

        if (letters >= 2 && latin * 2 < letters)
            return true;

        var words = tokens.Where(t => t.Length >= 2 && !t.All(char.IsDigit)).ToList();
        if (words.Count < 3)
            return false;
        var foreign = words.Where(w => !EnglishWords.Contains(w) && !known(w)).ToList();
        if (accented > 0 && foreign.Count * 2 >= words.Count)
            return true;
        return foreign.Count(w => !typoOfKnown(w)) * 3 >= words.Count * 2;
    }
}
