namespace MentorBot.Discord.Rendering;

/// <summary>
/// Cuts text into pieces of at most a given length, preferring paragraph breaks, then line breaks, then spaces,
/// so a long answer reads naturally across several messages instead of being cut mid-word.
/// </summary>
public static class TextSplitter
{
    public static IReadOnlyList<string> Split(string text, int maxLength)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxLength, 1);
        var pieces = new List<string>();
        var rest = text.Trim();
        while (rest.Length > maxLength)
        {
            var cut = BestCut(rest, maxLength);
            var piece = rest[..cut].TrimEnd();
            if (piece.Length > 0)
                pieces.Add(piece);
            rest = rest[cut..].TrimStart();
        }
        if (rest.Length > 0 || pieces.Count == 0)
            pieces.Add(rest);
        return pieces;
    }

    private static int BestCut(string text, int maxLength)
    {
        var window = text.AsSpan(0, maxLength + 1);
        // Past the first third, a break is worth taking; earlier breaks would leave tiny messages.
        var floor = maxLength / 3;
        foreach (var separator in (ReadOnlySpan<string>)["\n\n", "\n", " "])
        {
            var at = window.LastIndexOf(separator.AsSpan(), StringComparison.Ordinal);
            if (at > floor)
                return at;
        }
        // Never split a UTF-16 surrogate pair.
        return char.IsHighSurrogate(text[maxLength - 1]) ? maxLength - 1 : maxLength;
    }
}
