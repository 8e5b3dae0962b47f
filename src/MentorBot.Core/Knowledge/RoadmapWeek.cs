namespace MentorBot.Core.Knowledge;

/// <summary>One week of the roadmap as written in <c>knowledge/roadmap/week-NN.md</c>.</summary>
public sealed record RoadmapWeek(
    int Week,
    string Title,
    string Goal,
    IReadOnlyList<string> Tasks,
    string DoneWhen,
    IReadOnlyList<string> Related,
    IReadOnlyList<string> Sources,
    string Notes,
    string SourcePath);
