using MentorBot.Core.Knowledge;

namespace MentorBot.Core.Faq;

/// <summary>
/// The engine's verdict on a question: <see cref="Entry"/> when it is confident, otherwise null with up to three
/// <see cref="Suggestions"/> for "Did you mean…".
/// </summary>
public sealed record FaqResult(FaqEntry? Entry, double Confidence, IReadOnlyList<FaqEntry> Suggestions)
{
    public bool Answered => Entry is not null;
}
