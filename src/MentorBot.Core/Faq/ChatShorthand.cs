namespace MentorBot.Core.Faq;

/// <summary>
/// Chat shorthand spelt out ("wat" → "what", "sal" → "salary"). Both rankers read the spelt-out words: the model never
/// saw "u" or "exp" as the words they stand for, and to the lexical ranker a rare spelling such as "wat" is a rare
/// term that one casual phrasing happens to share, which outweighed the words that carried the question.
/// </summary>
internal static class ChatShorthand
{
    // Chat shorthand learners use for ordinary words. Only forms that are not words in their own right, or whose
    // other meaning is implausible in a question to a mentor ("r", "n"), are listed.
    private static readonly Dictionary<string, string> Words = new(StringComparer.Ordinal)
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

    /// <summary>The words <paramref name="token"/> (lowercase) stands for, or null when it is not shorthand.</summary>
    public static string? Expansion(string token) => Words.GetValueOrDefault(token);
}
