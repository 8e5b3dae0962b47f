namespace MentorBot.Core.Knowledge;

/// <summary>
/// Vocabulary knowledge from <c>knowledge/lexicon.yaml</c>: groups of words that mean the same thing to a learner
/// (<c>cs</c>, <c>computer science</c>), and words that mark a question as outside MentorBot's field.
/// </summary>
public sealed record Lexicon(
    IReadOnlyList<IReadOnlyList<string>> Synonyms,
    IReadOnlyList<string> OffTopic)
{
    public static Lexicon Empty { get; } = new([], []);
}
