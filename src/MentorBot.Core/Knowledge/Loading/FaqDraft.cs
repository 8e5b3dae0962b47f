namespace MentorBot.Core.Knowledge.Loading;

/// <summary>A parsed FAQ file with the line numbers the cross-file checks point at. (Not to be confused with a draft entry: see <see cref="IsDraft"/>.)</summary>
internal sealed record FaqDraft(
    FaqEntry Entry,
    int IdLine,
    IReadOnlyList<(string Value, int Line)> Questions,
    IReadOnlyList<(string Value, int Line)> Related)
{
    /// <summary>Written with <c>draft: true</c>: checked like any entry, never served (<see cref="KnowledgeDrafts"/>).</summary>
    public bool IsDraft { get; init; }

    /// <summary>The <c>about</c> values with their lines, checked against the lexicon's facets.</summary>
    public IReadOnlyList<(string Value, int Line)> About { get; init; } = [];
}
