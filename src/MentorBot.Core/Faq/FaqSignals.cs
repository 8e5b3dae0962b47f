namespace MentorBot.Core.Faq;

/// <summary>
/// What the two rankers say about one candidate entry, the input of the calibrated decision.
/// </summary>
/// <param name="Cosine">The entry's best phrasing's cosine with the question (0 without the model).</param>
/// <param name="CosineMargin">That cosine minus the best cosine of any other entry.</param>
/// <param name="Lexical">The lexical engine's confidence in the entry (coverage, specificity and score; 0 when it is not a lexical candidate).</param>
/// <param name="LexicalMargin">That confidence minus the best lexical confidence of any other entry.</param>
/// <param name="Agree">Whether the entry is also the lexical engine's first choice.</param>
/// <param name="OffTopic">The question has a word of another field and no backend word.</param>
/// <param name="InScope">The question has a word that keeps it inside backend development.</param>
/// <param name="Unknown">The share of the question's words that neither English nor the knowledge base knows.</param>
/// <param name="OffTopicMargin">The cosine of the closest off-topic example of the knowledge minus the entry's cosine (0 without the model or examples): above 0 the question is more like something the bot declines than like this entry.</param>
public sealed record FaqSignals(
    double Cosine,
    double CosineMargin,
    double Lexical,
    double LexicalMargin,
    bool Agree,
    bool OffTopic,
    bool InScope,
    double Unknown,
    double OffTopicMargin = 0)
{
    /// <summary>The names of <see cref="Features"/>, in order; the calibration file's weights use them.</summary>
    public static IReadOnlyList<string> FeatureNames { get; } =
        ["cosine", "cosineMargin", "lexical", "lexicalMargin", "agree", "offTopic", "inScope", "unknown", "offTopicMargin"];

    public double[] Features() =>
        [Cosine, CosineMargin, Lexical, LexicalMargin, Agree ? 1 : 0, OffTopic ? 1 : 0, InScope ? 1 : 0, Unknown, OffTopicMargin];
}
