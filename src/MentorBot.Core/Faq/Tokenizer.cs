using System.Text;
using System.Text.RegularExpressions;

namespace MentorBot.Core.Faq;

/// <summary>
/// Splits text into lowercase word tokens, first rewriting the spellings that punctuation would break:
/// <c>C#</c>, <c>C++</c>, <c>.NET</c>, <c>Node.js</c>, apostrophes, and the capitalised country <c>US</c>
/// (which lowercased is only the pronoun "us").
/// </summary>
internal static partial class Tokenizer
{
    public static List<string> Tokenize(string text)
    {
        text = UnitedStates().Replace(text, " usa ");
        text = GoLanguage().Replace(text, " golang ");
        text = text.ToLowerInvariant()
            .Replace("c#", " csharp ", StringComparison.Ordinal)
            .Replace("c++", " cplusplus ", StringComparison.Ordinal)
            .Replace(".net", " dotnet ", StringComparison.Ordinal)
            .Replace("₹", " inr ", StringComparison.Ordinal)
            .Replace("$", " usd ", StringComparison.Ordinal)
            .Replace("'", "", StringComparison.Ordinal)
            .Replace("\u2019", "", StringComparison.Ordinal);
        text = DotJs().Replace(text, "$1js");

        var tokens = new List<string>();
        var current = new StringBuilder();
        foreach (var c in text)
        {
            if (char.IsLetterOrDigit(c))
            {
                current.Append(c);
            }
            else if (current.Length > 0)
            {
                tokens.Add(current.ToString());
                current.Clear();
            }
        }

        if (current.Length > 0)
            tokens.Add(current.ToString());
        return tokens;
    }

    [GeneratedRegex(@"\b(?:U\.S\.A\.?|U\.S\.?|USA|US)(?![A-Za-z])")]
    private static partial Regex UnitedStates();

    /// <summary>The language Go, capitalised and not opening a sentence; lowercased it is only the verb.</summary>
    [GeneratedRegex(@"(?<=[a-z,;/(]\s*|\s(?:in|learn|use|or|and|vs|with|like)\s+)Go\b(?!-)")]
    private static partial Regex GoLanguage();

    [GeneratedRegex(@"\b([a-z]+)\.js\b")]
    private static partial Regex DotJs();
}
