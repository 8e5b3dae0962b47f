namespace MentorBot.Core.Faq;

/// <summary>
/// Words that frame a question rather than name its topic ("is GitHub <i>important</i>", "is MongoDB <i>worth</i>
/// learning", "how do I <i>become</i>…"). They still count, but at a fraction of their rarity, so that a rare framing
/// word cannot outvote the topic word beside it.
/// </summary>
internal static class FramingWords
{
    public const double Weight = 0.3;

    public static readonly string[] All =
    [
        "important", "importance", "worth", "worthwhile", "useful", "necessary", "required", "require", "enough",
        "matter", "essential", "crucial", "helpful", "valuable", "good", "bad", "great", "top", "know", "use", "used",
        "make", "become", "start", "happen", "common", "typical", "main", "exactly", "basically", "possible", "okay",
        "recommend", "suggest", "advice", "mean", "explain", "keep", "basic", "basics", "type", "sort", "look", "stuff",
        "overview", "simple", "simply", "actual", "real",
    ];
}
