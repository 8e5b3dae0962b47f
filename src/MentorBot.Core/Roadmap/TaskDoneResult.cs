using MentorBot.Core.Knowledge;

namespace MentorBot.Core.Roadmap;

/// <summary>What <c>/task done</c> achieved. <see cref="NextWeek"/> is null when the roadmap is finished.</summary>
public sealed record TaskDoneResult(
    TaskDoneStatus Status,
    RoadmapWeek? CompletedWeek,
    RoadmapWeek? NextWeek,
    bool FreezeEarned,
    int FreezesHeld);
