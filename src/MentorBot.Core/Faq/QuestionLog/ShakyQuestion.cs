namespace MentorBot.Core.Faq.QuestionLog;

/// <summary>
/// One distinct shaky question of the log (<see cref="ShakyCut"/>): every ask with the same
/// <see cref="LoggedQuestion.Normalised"/> text in the window, with how often and the latest ask's decision.
/// </summary>
/// <param name="Normalised">The text as the log normalises it (spacing collapsed); the key of the distinct question.</param>
/// <param name="Text">The latest ask's text as written.</param>
/// <param name="Count">How many shaky asks it had in the window.</param>
/// <param name="LastAsked">When it was last asked shakily.</param>
/// <param name="LastDecision">The engine's decision on that latest ask.</param>
public sealed record ShakyQuestion(string Normalised, string Text, int Count, DateTimeOffset LastAsked, QuestionDecision LastDecision)
{
    /// <summary>Where the page after this question starts.</summary>
    public ShakyCursor Cursor => new(LastAsked.UtcTicks, Normalised);
}
