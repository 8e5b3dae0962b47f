using System.Globalization;

namespace MentorBot.Core.Faq.QuestionLog;

/// <summary>
/// A position in the list of distinct shaky questions: the page after it holds the questions last asked before
/// <paramref name="LastAskedUtcTicks"/>, or at that moment with a normalised text ordinally before
/// <paramref name="Normalised"/>. Keyset, not an offset, so questions asked meanwhile do not shift what an "older" link
/// shows.
/// </summary>
public sealed record ShakyCursor(long LastAskedUtcTicks, string Normalised)
{
    /// <summary>The cursor as a URL-safe-after-escaping token: <c>ticks:normalised</c>.</summary>
    public string ToToken() => LastAskedUtcTicks.ToString(CultureInfo.InvariantCulture) + ":" + Normalised;

    /// <summary>Whether <paramref name="question"/> comes after (is older than) this position.</summary>
    public bool Precedes(ShakyQuestion question)
    {
        ArgumentNullException.ThrowIfNull(question);
        var ticks = question.LastAsked.UtcTicks;
        return ticks < LastAskedUtcTicks || (ticks == LastAskedUtcTicks && string.CompareOrdinal(question.Normalised, Normalised) < 0);
    }

    /// <summary>The cursor a token stands for; false for anything <see cref="ToToken"/> does not make.</summary>
    public static bool TryParse(string? token, out ShakyCursor? cursor)
    {
        cursor = null;
        if (string.IsNullOrEmpty(token))
            return false;
        var colon = token.IndexOf(':', StringComparison.Ordinal);
        if (colon <= 0 || !long.TryParse(token.AsSpan(0, colon), NumberStyles.None, CultureInfo.InvariantCulture, out var ticks)
            || ticks > DateTimeOffset.MaxValue.UtcTicks)
            return false;
        cursor = new ShakyCursor(ticks, token[(colon + 1)..]);
        return true;
    }
}
