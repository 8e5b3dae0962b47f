namespace MentorBot.Core.Faq.Learning;

/// <summary>How close two questions must be to share a group.</summary>
public sealed record QuestionGroupingOptions
{
    /// <summary>
    /// The least cosine between two questions' embeddings (all-MiniLM-L6-v2) for them to be near-duplicates. On our own
    /// paraphrase sets (QuestionGrouperModelTests) paraphrases scored 0.61–0.92 against their group's first question and
    /// different questions 0.30–0.53; at 0.5 "tips to stay consistent when learning backend" joined the interview
    /// questions, at 0.7 half the paraphrase pairs fell apart.
    /// </summary>
    public double SemanticThreshold { get; init; } = 0.6;

    /// <summary>
    /// The least IDF-weighted cosine of two questions' analysed terms when the model is off. Lexical similarity cannot
    /// see paraphrases that share no word, so it errs on the merging side: on the same sets no different questions
    /// scored above 0.3, while paraphrases with one rare shared word scored 0.43–0.99.
    /// </summary>
    public double LexicalThreshold { get; init; } = 0.45;
}
