namespace MentorBot.Core.Knowledge;

/// <summary>The outcome of reading a knowledge folder: a usable snapshot only when there are no problems.</summary>
public sealed record KnowledgeLoadResult(KnowledgeBase? Knowledge, IReadOnlyList<KnowledgeProblem> Problems)
{
    public bool IsValid => Knowledge is not null && Problems.Count == 0;

    /// <summary>The ids of entries marked <c>draft: true</c>: checked, but left out of <see cref="Knowledge"/>.</summary>
    public IReadOnlyList<string> Drafts { get; init; } = [];
}
