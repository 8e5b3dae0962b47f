namespace MentorBot.Core.Knowledge.Loading;

/// <summary>A parsed FAQ file with the line numbers the cross-file checks point at.</summary>
internal sealed record FaqDraft(
    FaqEntry Entry,
    int IdLine,
    IReadOnlyList<(string Value, int Line)> Questions,
    IReadOnlyList<(string Value, int Line)> Related);
