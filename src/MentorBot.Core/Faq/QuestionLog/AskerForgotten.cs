namespace MentorBot.Core.Faq.QuestionLog;

/// <summary>What forgetting an asker did: questions kept but no longer linked to them, and feedback deleted.</summary>
public sealed record AskerForgotten(int QuestionsUnlinked, int FeedbackDeleted);
