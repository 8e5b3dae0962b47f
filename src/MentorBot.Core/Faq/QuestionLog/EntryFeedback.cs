namespace MentorBot.Core.Faq.QuestionLog;

/// <summary>Feedback totals about one FAQ entry: votes on answers that showed it, and clicks on it as a suggestion.</summary>
public sealed record EntryFeedback(string EntryId, int Helpful, int NotHelpful, int ChosenAsSuggestion);
