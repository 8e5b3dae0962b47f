namespace MentorBot.Core.Knowledge.Loading;

/// <summary>A parsed roadmap week with the line numbers the cross-file checks point at.</summary>
internal sealed record RoadmapDraft(RoadmapWeek Week, int WeekLine, IReadOnlyList<(string Value, int Line)> Related);
