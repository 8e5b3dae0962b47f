namespace MentorBot.Core.Knowledge;

/// <summary>One FAQ entry as written in <c>knowledge/faq/&lt;id&gt;.md</c>.</summary>
public sealed record FaqEntry(
    string Id,
    string Title,
    IReadOnlyList<string> Questions,
    IReadOnlyList<string> Tags,
    IReadOnlyList<string> Sources,
    IReadOnlyList<string> Related,
    string Answer,
    string SourcePath)
{
    /// <summary>
    /// Facet values the entry is only about (<c>india</c>, <c>backend</c>): a question that names other values of the
    /// same facet and none of these is not answered from it (a salary in Germany is not India's salary).
    /// </summary>
    public IReadOnlyList<string> About { get; init; } = [];
}
