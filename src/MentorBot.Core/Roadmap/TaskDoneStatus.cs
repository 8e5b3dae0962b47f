
namespace MentorBot.Core.Roadmap;

public enum TaskDoneStatus
{
    Completed,

    /// <summary>The week was completed already (a double click or a race); nothing new was recorded.</summary>
    AlreadyCompleted,

    /// <summary>The learner is past the last roadmap week.</summary>
    RoadmapFinished,
}
