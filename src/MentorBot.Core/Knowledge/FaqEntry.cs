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
    string SourcePath);
