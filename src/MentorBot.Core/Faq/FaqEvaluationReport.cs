namespace MentorBot.Core.Faq;

/// <summary>How the engine did on a labelled question set.</summary>
public sealed record FaqEvaluationReport(
    int InScopeTotal,
    int InScopeCorrect,
    int OffTopicTotal,
    int OffTopicDeclined,
    IReadOnlyList<FaqEvaluationMiss> Misses)
{
    /// <summary>In-scope questions whose entry came first, answered or as the first "Did you mean…" suggestion.</summary>
    public int InScopeRankedFirst { get; init; }

    public double InScopeAccuracy => InScopeTotal == 0 ? 1 : (double)InScopeCorrect / InScopeTotal;

    public double DeclineRate => OffTopicTotal == 0 ? 1 : (double)OffTopicDeclined / OffTopicTotal;
}

/// <summary>A question the engine got wrong: what was expected and what it said instead.</summary>
public sealed record FaqEvaluationMiss(int Line, string Question, string Expected, string? Got, double Confidence);
