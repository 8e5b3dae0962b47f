namespace MentorBot.Core.Faq.QuestionLog;

/// <summary>
/// The engine's decision on a logged question: the answered <see cref="EntryId"/>, the suggestions offered, or the
/// kind of small talk. <see cref="Confidence"/> is the engine's confidence in its best entry (null for small talk).
/// </summary>
public sealed record QuestionDecision(QuestionOutcome Outcome)
{
    public string? EntryId { get; init; }

    public double? Confidence { get; init; }

    public IReadOnlyList<string> SuggestionIds { get; init; } = [];

    public SmallTalkKind? SmallTalk { get; init; }

    /// <summary>The decision <see cref="FaqResult"/> stands for.</summary>
    public static QuestionDecision From(FaqResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        if (result.SmallTalk is { } smallTalk)
            return new QuestionDecision(QuestionOutcome.SmallTalk) { SmallTalk = smallTalk };
        var suggestions = result.Suggestions.Select(s => s.Id).ToArray();
        if (result.Entry is { } entry)
            return new QuestionDecision(QuestionOutcome.Answered) { EntryId = entry.Id, Confidence = result.Confidence };
        var outcome = result.NotEnglish ? QuestionOutcome.NotEnglish : suggestions.Length > 0 ? QuestionOutcome.Suggested : QuestionOutcome.Declined;
        return new QuestionDecision(outcome) { Confidence = result.Confidence, SuggestionIds = suggestions };
    }

    /// <summary>Whether a learner could have been shown <paramref name="entryId"/> for this question (answered or suggested).</summary>
    public bool Offered(string entryId) =>
        string.Equals(EntryId, entryId, StringComparison.OrdinalIgnoreCase)
        || SuggestionIds.Contains(entryId, StringComparer.OrdinalIgnoreCase);
}
