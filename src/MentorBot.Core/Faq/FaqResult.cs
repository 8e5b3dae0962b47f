using MentorBot.Core.Knowledge;

namespace MentorBot.Core.Faq;

/// <summary>
/// The engine's verdict on a question: <see cref="Entry"/> when it is confident, otherwise null with up to three
/// <see cref="Suggestions"/> for "Did you mean…". <see cref="SmallTalk"/> is set for chat that is not a question, and
/// <see cref="NotEnglish"/> when the question seems to be in another language.
/// </summary>
public sealed record FaqResult(FaqEntry? Entry, double Confidence, IReadOnlyList<FaqEntry> Suggestions)
{
    public bool Answered => Entry is not null;

    public SmallTalkKind? SmallTalk { get; init; }

    public bool NotEnglish { get; init; }
}
