namespace MentorBot.Core.Faq.QuestionLog;

/// <summary>
/// Feedback on a logged question by one learner (<see cref="VoterHash"/>, hashed like an asker) about one entry. A
/// learner has at most one vote (<see cref="FeedbackKind.Helpful"/> or <see cref="FeedbackKind.NotHelpful"/>) and one
/// chosen suggestion per question; recording again replaces it.
/// </summary>
public sealed record QuestionFeedback(string QuestionId, string VoterHash, FeedbackKind Kind, string EntryId, DateTimeOffset At)
{
    /// <summary>Votes and suggestion choices are kept apart: one of each per learner and question.</summary>
    public bool IsVote => Kind is FeedbackKind.Helpful or FeedbackKind.NotHelpful;
}
