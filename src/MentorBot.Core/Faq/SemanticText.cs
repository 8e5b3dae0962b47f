using System.Text.RegularExpressions;

namespace MentorBot.Core.Faq;

/// <summary>
/// The text the sentence-embedding model reads for a question: the learner's own words, with chat abbreviations
/// spelt out and misspelt words replaced by the word the lexical engine corrects them to. The model splits an
/// unknown spelling ("sallary", "responsiblities") into word pieces that carry little of its meaning, and it never
/// saw "u", "pls" or "exp" as the words they stand for; the lexical engine already knows both.
/// </summary>
internal static partial class SemanticText
{
    /// <summary>
    /// The question with each shorthand token spelt out and each token in <paramref name="corrections"/> (misspelt
    /// word → the word the lexical analysis read it as) replaced.
    /// </summary>
    public static string For(string question, List<string> tokens, IReadOnlyDictionary<string, string> corrections)
    {
        question = RoleAbbreviations.Expand(question);
        Dictionary<string, string>? replacements = null;
        foreach (var token in tokens)
        {
            var replacement = ChatShorthand.Expansion(token) ?? corrections.GetValueOrDefault(token);
            if (replacement is not null && replacement != token)
                (replacements ??= new(StringComparer.Ordinal))[token] = replacement;
        }

        if (replacements is null)
            return question;
        return Word().Replace(question, m =>
            replacements.TryGetValue(m.Value.ToLowerInvariant(), out var replacement) ? replacement : m.Value);
    }

    [GeneratedRegex(@"[\p{L}\p{N}/]+")]
    private static partial Regex Word();
}
