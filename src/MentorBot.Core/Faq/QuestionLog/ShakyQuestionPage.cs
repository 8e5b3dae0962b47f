namespace MentorBot.Core.Faq.QuestionLog;

/// <summary>
/// One page of distinct shaky questions, latest asked first (<see cref="IQuestionLog.ListShakyAsync"/>), with the
/// totals of the whole window so a reader can say how much it shows.
/// </summary>
/// <param name="Questions">At most the page size, latest asked first (ties by normalised text, ordinal, descending).</param>
/// <param name="Distinct">Distinct shaky questions in the whole window, on every page.</param>
/// <param name="Asked">Shaky asks in the whole window (the sum of every distinct question's count).</param>
/// <param name="Older">Where the next (older) page starts, or null when this page reaches the oldest.</param>
public sealed record ShakyQuestionPage(IReadOnlyList<ShakyQuestion> Questions, int Distinct, int Asked, ShakyCursor? Older);
