namespace MentorBot.Core.Faq.QuestionLog;

/// <summary>Everything the question log holds about one asker in one community: their questions and their feedback.</summary>
public sealed record AskerRecords(IReadOnlyList<LoggedQuestion> Questions, IReadOnlyList<QuestionFeedback> Feedback);
