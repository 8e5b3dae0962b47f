using MentorBot.Core.Knowledge;

namespace MentorBot.Core.Faq;

/// <summary>
/// What both rankers measured for one question, per entry in knowledge order: the lexical confidence (0 when the entry
/// is not a lexical candidate) and the cosine (null without the model). <see cref="Early"/> is set when the question
/// was settled before ranking: no words, small talk, or an exact id, title or phrasing.
/// </summary>
internal sealed record FaqMeasurement(IReadOnlyList<FaqEntry> Entries, IReadOnlyList<string> Terms, double[] Lexical, double[]? Cosine)
{
    public (FaqResult Result, string Decision)? Early { get; init; }

    /// <summary>The question sentences matched alone as well (<see cref="QuestionFocus"/>); empty for a one-sentence question.</summary>
    public IReadOnlyList<string> Focus { get; init; } = [];

    public bool OffTopic { get; init; }

    /// <summary>The knowledge's off-topic example closest to the question (or one of its question sentences) and its cosine; null without the model or examples.</summary>
    public OffTopicMatch? ClosestOffTopic { get; init; }

    public bool InScope { get; init; }

    public double Unknown { get; init; }

    public bool LooksNonEnglish { get; init; }

    /// <summary>Per entry, why it cannot answer this question (<see cref="FaqEntry.About"/>), or null; null when none is ruled out.</summary>
    public string?[]? OutOfScope { get; init; }

    /// <summary>The question's embedding (null without the model or when settled early); the learning loop groups questions by it.</summary>
    public float[]? Embedding { get; init; }

    /// <summary>The question's terms that are not everyday English and unknown to the knowledge base.</summary>
    public IReadOnlySet<string> Jargon { get; init; } = new HashSet<string>();

    public static FaqMeasurement Decided(IReadOnlyList<FaqEntry> entries, FaqResult result, string decision) =>
        new(entries, [], new double[entries.Count], null) { Early = (result, decision) };
}
