namespace MentorBot.Core.Text;

/// <summary>
/// Cuts text into pieces of at most a given length, preferring paragraph breaks, then line breaks, then spaces,
/// so a long answer reads naturally across several messages or blocks instead of being cut mid-word.
/// </summary>
public static class TextSplitter
{
    // "&amp;" is the longest entity an escaper of <, > and & produces.
    private const int LongestEntity = 5;

    /// <param name="text">The text; surrounding whitespace is dropped, and blank text gives no pieces.</param>
    /// <param name="maxLength">The most UTF-16 characters in one piece.</param>
    /// <param name="keepEntitiesWhole">
    /// For text that is already HTML-escaped (Slack mrkdwn): a hard cut never lands inside <c>&amp;lt;</c> and the
    /// like, since half an entity shows as a raw character. Off for raw text, where an <c>&amp;</c> is just a character.
    /// </param>
    public static IReadOnlyList<string> Split(string text, int maxLength, bool keepEntitiesWhole = false)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxLength, 1);
        var pieces = new List<string>();
        var rest = text.Trim();
        while (rest.Length > maxLength)
        {
            var cut = BestCut(rest, maxLength, keepEntitiesWhole);
            var piece = rest[..cut].TrimEnd();
            if (piece.Length > 0)
                pieces.Add(piece);
            rest = rest[cut..].TrimStart();
        }
        if (rest.Length > 0)
            pieces.Add(rest);
        return pieces;
    }

    /// <summary>
    /// The text itself if it fits in <paramref name="maxLength"/>, else its start with "…", at most
    /// <paramref name="maxLength"/> long in all: for fields that take one piece only (a button label, a footer). The
    /// cut follows the same rules as <see cref="Split"/>'s hard cut: never inside a surrogate pair, nor inside an entity
    /// when <paramref name="keepEntitiesWhole"/>.
    /// </summary>
    public static string Shorten(string text, int maxLength, bool keepEntitiesWhole = false)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxLength, 2);
        if (text.Length <= maxLength)
            return text;
        return text[..HardCut(text, maxLength - 1, keepEntitiesWhole)] + "…";
    }

    private static int BestCut(string text, int maxLength, bool keepEntitiesWhole)
    {
        // One past the limit, because a break right after a full-length piece is still a break.
        var window = text.AsSpan(0, maxLength + 1);
        // Past the first third, a break is worth taking; earlier breaks would leave tiny messages.
        var floor = maxLength / 3;
        foreach (var separator in (ReadOnlySpan<string>)["\n\n", "\n", " "])
        {
            var at = window.LastIndexOf(separator.AsSpan(), StringComparison.Ordinal);
            if (at > floor)
                return at;
        }
        return HardCut(text, maxLength, keepEntitiesWhole);
    }

    private static int HardCut(string text, int maxLength, bool keepEntitiesWhole)
    {
        var cut = maxLength;
        if (keepEntitiesWhole)
        {
            // An '&' near the end with no ';' after it starts an entity the cut would halve. One at the very start
            // means the limit is shorter than the entity, and then the length limit has to win.
            var amp = text.LastIndexOf('&', maxLength - 1);
            if (amp > 0 && amp > maxLength - LongestEntity && text.IndexOf(';', amp, maxLength - amp) < 0)
                cut = amp;
        }
        // Never split a UTF-16 surrogate pair, unless a one-character limit leaves no room for one.
        return cut > 1 && char.IsHighSurrogate(text[cut - 1]) ? cut - 1 : cut;
    }
}
