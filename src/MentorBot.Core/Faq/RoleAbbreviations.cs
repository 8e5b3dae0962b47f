using System.Text.RegularExpressions;

namespace MentorBot.Core.Faq;

/// <summary>
/// "BE" and "FE", written in capitals, are how learners abbreviate backend and frontend ("FE vs BE?"). Lowercased,
/// "be" is only the verb, so the capitals are read before anything lowercases them, and only in text that is not
/// shouted throughout (where "BE" may be the verb).
/// </summary>
internal static partial class RoleAbbreviations
{
    public static string Expand(string text)
    {
        if (!text.Contains('E', StringComparison.Ordinal) || !text.Any(char.IsLower))
            return text;
        return Abbreviation().Replace(text, m => m.Value == "BE" ? "backend" : "frontend");
    }

    [GeneratedRegex(@"(?<![\p{L}\p{N}])(?:BE|FE)(?![\p{L}\p{N}])")]
    private static partial Regex Abbreviation();
}
