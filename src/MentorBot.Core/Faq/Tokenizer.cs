using System.Buffers;
using System.Text.RegularExpressions;

namespace MentorBot.Core.Faq;

/// <summary>
/// Splits text into lowercase word tokens, first rewriting the spellings that punctuation would break:
/// <c>C#</c>, <c>C++</c>, <c>.NET</c>, <c>Node.js</c>, apostrophes, the capitalised country <c>US</c>
/// (which lowercased is only the pronoun "us"), and the capitalised <c>BE</c> and <c>FE</c> (<see cref="RoleAbbreviations"/>).
/// </summary>
internal static partial class Tokenizer
{
    // Characters that some rewrite below starts from; text without any of them skips the whole replace chain.
    private static readonly SearchValues<char> RewriteStarts = SearchValues.Create("#+.₹$'\u2019");

    public static List<string> Tokenize(string text)
    {
        // Each rewrite is skipped when its trigger cannot occur: most questions contain none of them, and a regex
        // scan or a replace pass per rule was a good part of the cost of answering one.
        if (text.Contains('U', StringComparison.Ordinal))
            text = UnitedStates().Replace(text, " usa ");
        if (text.Contains("Go", StringComparison.Ordinal))
            text = GoLanguage().Replace(text, " golang ");
        text = RoleAbbreviations.Expand(text);
        text = text.ToLowerInvariant();
        if (text.AsSpan().ContainsAny(RewriteStarts))
        {
            text = text
                .Replace("c#", " csharp ", StringComparison.Ordinal)
                .Replace("c++", " cplusplus ", StringComparison.Ordinal)
                .Replace(".net", " dotnet ", StringComparison.Ordinal)
                .Replace("₹", " inr ", StringComparison.Ordinal)
                .Replace("$", " usd ", StringComparison.Ordinal)
                .Replace("'", "", StringComparison.Ordinal)
                .Replace("\u2019", "", StringComparison.Ordinal);
            if (text.Contains(".js", StringComparison.Ordinal))
                text = DotJs().Replace(text, "$1js");
        }

        var tokens = new List<string>();
        var start = -1;
        for (var i = 0; i < text.Length; i++)
        {
            if (char.IsLetterOrDigit(text[i]))
            {
                if (start < 0)
                    start = i;
            }
            else if (start >= 0)
            {
                tokens.Add(text[start..i]);
                start = -1;
            }
        }

        if (start >= 0)
            tokens.Add(text[start..]);
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
