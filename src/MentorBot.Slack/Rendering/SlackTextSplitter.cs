namespace MentorBot.Slack.Rendering;

/// <summary>Splits long text into pieces that fit one block, preferring paragraph, then line, then word boundaries.</summary>
public static class SlackTextSplitter
{
    public static IReadOnlyList<string> Split(string text, int limit)
    {
        var pieces = new List<string>();
        var rest = text.Trim('\n');
        while (rest.Length > limit)
        {
            var window = rest[..limit];
            var cut = LastBoundary(window, "\n\n");
            if (cut <= 0)
                cut = LastBoundary(window, "\n");
            if (cut <= 0)
                cut = LastBoundary(window, " ");
            if (cut <= 0)
                cut = SafeHardCut(window);
            pieces.Add(rest[..cut].TrimEnd());
            rest = rest[cut..].TrimStart('\n', ' ');
        }

        if (rest.Length > 0)
            pieces.Add(rest);
        return pieces;
    }

    private static int LastBoundary(string window, string separator)
    {
        var index = window.LastIndexOf(separator, StringComparison.Ordinal);
        return index <= 0 ? -1 : index;
    }

    /// <summary>Never cut inside an entity such as <c>&amp;lt;</c>, which would turn it back into a raw character.</summary>
    private static int SafeHardCut(string window)
    {
        var cut = window.Length;
        var amp = window.LastIndexOf('&');
        if (amp >= 0 && amp > window.Length - 5 && window.IndexOf(';', amp) < 0)
            cut = amp;
        if (cut > 0 && char.IsHighSurrogate(window[cut - 1]))
            cut--;
        return cut;
    }
}
