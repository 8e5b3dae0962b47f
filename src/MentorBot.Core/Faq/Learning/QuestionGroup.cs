namespace MentorBot.Core.Faq.Learning;

/// <summary>
/// Near-duplicate questions: every member is at least <see cref="QuestionGrouping.Threshold"/> similar to
/// <see cref="Representative"/>, the most asked of them.
/// </summary>
/// <param name="Representative">The most asked member's text (ties: the first in ordinal order).</param>
/// <param name="Members">Every distinct question in the group, most asked first, the representative first of all.</param>
/// <param name="TotalCount">The members' counts summed.</param>
/// <param name="Suggestion">The entry the engine ranks first for most of the group's asks, or null when it has no candidate.</param>
/// <param name="Feedback">Votes per entry the members were answered with, by entry id.</param>
public sealed record QuestionGroup(
    string Representative,
    IReadOnlyList<GroupedQuestion> Members,
    int TotalCount,
    SuggestedEntry? Suggestion,
    IReadOnlyList<EntryFeedback> Feedback);

/// <summary>One distinct question of a group and its similarity to the representative (1 for the representative).</summary>
public sealed record GroupedQuestion(string Text, int Count, double Similarity)
{
    /// <summary>The entry the engine ranks first for this question now, if any.</summary>
    public SuggestedEntry? TopEntry { get; init; }
}

/// <summary>
/// An entry the engine would offer for a group: its calibrated probability of being the answer (0–1), averaged over the
/// asks that rank it first. Below the answer threshold, which is why the questions were declined or shaky.
/// </summary>
public sealed record SuggestedEntry(string EntryId, string Title, double Score);

/// <summary>Learners' votes on the answers given with one entry.</summary>
public sealed record EntryFeedback(string EntryId, int Helpful, int NotHelpful);

/// <summary>The groups, biggest first (ties by representative text), and how similarity was measured.</summary>
/// <param name="Similarity">"semantic" (the FAQ embedding model's cosine) or "lexical" (the engine's IDF-weighted term cosine).</param>
/// <param name="ModelId">The embedding model, when <paramref name="Similarity"/> is semantic.</param>
/// <param name="Threshold">The least similarity to a group's representative that joins the group.</param>
public sealed record QuestionGrouping(IReadOnlyList<QuestionGroup> Groups, string Similarity, string? ModelId, double Threshold);
