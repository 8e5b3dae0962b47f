using MentorBot.Core.Knowledge;

namespace MentorBot.Core.Roadmap;

/// <summary>Where a learner stands: their current week, or <see cref="Finished"/> once past the last one.</summary>
public sealed record RoadmapPosition(int CurrentWeek, RoadmapWeek? Week, bool Finished);
