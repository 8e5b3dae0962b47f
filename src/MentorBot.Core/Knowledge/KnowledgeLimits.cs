namespace MentorBot.Core.Knowledge;

/// <summary>
/// Length limits a knowledge file must respect so that every adapter can show it without cutting it:
/// the strictest of the platforms wins for each piece.
/// </summary>
public static class KnowledgeLimits
{
    /// <summary>Discord autocomplete choice names and Slack option texts stop at 100 characters; titles and questions are offered there.</summary>
    public const int Title = 100;

    /// <summary>Same reason as <see cref="Title"/>: alternate questions are autocomplete candidates.</summary>
    public const int Question = 100;

    /// <summary>One chat message: under Discord's 2,000-character content limit with room for title and footer.</summary>
    public const int Answer = 1800;

    public const int MinQuestions = 3;

    public const int MaxQuestions = 30;

    public const int RoadmapTitle = 100;

    public const int RoadmapGoal = 300;

    /// <summary>Tasks are rendered as bullets inside one Slack section (3,000) and one Discord embed field (1,024).</summary>
    public const int RoadmapTask = 200;

    public const int RoadmapDoneWhen = 300;

    public const int RoadmapNotes = 800;

    public const int MinTasks = 3;

    public const int MaxTasks = 5;

    /// <summary>A whole week rendered as one delivery message must stay under Discord's 2,000-character content limit.</summary>
    public const int RoadmapMessage = 1900;
}
