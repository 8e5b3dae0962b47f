namespace MentorBot.Core.Faq.QuestionLog;

/// <summary>What <see cref="IQuestionLog.RecordFeedbackAsync"/> did.</summary>
public enum FeedbackOutcome
{
    /// <summary>The learner's first feedback of this sort on the question.</summary>
    Recorded,

    /// <summary>It replaced the learner's earlier vote (or choice) on the question.</summary>
    Replaced,

    /// <summary>No such question in that community (never logged, pruned, or another community's): nothing changed.</summary>
    UnknownQuestion,
}
