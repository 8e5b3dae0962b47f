namespace MentorBot.Core.Faq.QuestionLog;

/// <summary>What <c>/faq</c> did with a logged question.</summary>
public enum QuestionOutcome
{
    /// <summary>Answered with one entry.</summary>
    Answered,

    /// <summary>No confident answer and nothing close enough to suggest.</summary>
    Declined,

    /// <summary>No confident answer; "Did you mean…" suggestions were offered.</summary>
    Suggested,

    /// <summary>Chat rather than a question (a greeting, thanks, …).</summary>
    SmallTalk,

    /// <summary>The question seemed not to be in English.</summary>
    NotEnglish,
}
