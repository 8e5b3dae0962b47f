namespace MentorBot.Core.Faq.QuestionLog;

/// <summary>A learner's feedback on a logged question.</summary>
public enum FeedbackKind
{
    /// <summary>"Helpful" on the answer.</summary>
    Helpful,

    /// <summary>"Not helpful" on the answer.</summary>
    NotHelpful,

    /// <summary>Implicit: they clicked this "Did you mean…" suggestion.</summary>
    ChoseSuggestion,
}
