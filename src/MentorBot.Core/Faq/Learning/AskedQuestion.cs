namespace MentorBot.Core.Faq.Learning;

/// <summary>
/// One question as the question log holds it, the input of <see cref="QuestionGrouper"/>. Only the text is required;
/// everything else is what the log knows about it.
/// </summary>
/// <param name="Text">The question as the learner wrote it.</param>
/// <param name="Count">How many times it was asked (at least 1).</param>
public sealed record AskedQuestion(string Text, int Count = 1)
{
    /// <summary>The entry the engine answered or suggested when the question was asked, if any.</summary>
    public string? EntryId { get; init; }

    /// <summary>The engine's confidence then (0–1), if logged.</summary>
    public double? Confidence { get; init; }

    /// <summary>"Helpful" votes on the answer given with <see cref="EntryId"/>.</summary>
    public int Helpful { get; init; }

    /// <summary>"Not helpful" votes on the answer given with <see cref="EntryId"/>.</summary>
    public int NotHelpful { get; init; }
}
