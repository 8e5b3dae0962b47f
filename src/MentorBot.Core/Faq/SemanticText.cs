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
    // Chat shorthand learners use for ordinary words. Only forms that are not words in their own right, or whose
    // other meaning is implausible in a question to a mentor ("r", "n"), are listed.
    private static readonly Dictionary<string, string> Shorthand = new(StringComparer.Ordinal)
    {
        ["u"] = "you", ["ur"] = "your", ["r"] = "are", ["n"] = "and", ["pls"] = "please", ["plz"] = "please",
        ["wat"] = "what", ["wht"] = "what", ["hw"] = "how", ["abt"] = "about", ["bcoz"] = "because", ["bcz"] = "because",
        ["coz"] = "because", ["cuz"] = "because", ["becoz"] = "because", ["thru"] = "through", ["w/o"] = "without",
        ["exp"] = "experience", ["yoe"] = "years of experience", ["yrs"] = "years", ["yr"] = "year",
        ["lang"] = "language", ["langs"] = "languages", ["diff"] = "difference", ["btw"] = "between",
        ["b/w"] = "between", ["bw"] = "between", ["sal"] = "salary", ["govt"] = "government", ["gonna"] = "going to",
        ["wanna"] = "want to", ["gotta"] = "have to", ["im"] = "i am", ["ive"] = "i have", ["idk"] = "i do not know",
        ["rn"] = "right now", ["ppl"] = "people", ["sth"] = "something", ["smth"] = "something", ["tho"] = "though",
        ["dev"] = "developer", ["devs"] = "developers", ["reqd"] = "required", ["req"] = "required",
    };

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
            var replacement = Shorthand.GetValueOrDefault(token) ?? corrections.GetValueOrDefault(token);
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
