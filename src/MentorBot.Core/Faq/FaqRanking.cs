using MentorBot.Core.Knowledge;

namespace MentorBot.Core.Faq;

/// <summary>Everything the engine worked out about one question, before and after the decision.</summary>
public sealed record FaqRanking(
    IReadOnlyList<string> Terms,
    IReadOnlyList<FaqRankedEntry> Lexical,
    IReadOnlyList<FaqRankedEntry> Semantic,
    IReadOnlyList<FaqRankedEntry> Fused,
    FaqResult Result,
    string Decision)
{
    /// <summary>The question sentences of a chat message that were also matched alone (<see cref="QuestionFocus"/>).</summary>
    public IReadOnlyList<string> Focus { get; init; } = [];

    /// <summary>The knowledge's off-topic example closest to the question and its cosine, or null.</summary>
    public OffTopicMatch? ClosestOffTopic { get; init; }
}

/// <summary>One entry as a ranker sees it: its score there and, for the fused list, its signals and calibrated probability.</summary>
public sealed record FaqRankedEntry(FaqEntry Entry, double Score, FaqSignals? Signals = null, double? Probability = null)
{
    /// <summary>Why the entry cannot answer this question (it names another region or role than the entry is about), or null.</summary>
    public string? OutOfScope { get; init; }
}
