namespace MentorBot.Core.Knowledge;

/// <summary>
/// Vocabulary knowledge from <c>knowledge/lexicon.yaml</c>: groups of words that mean the same thing to a learner
/// (<c>cs</c>, <c>computer science</c>), words that mark a question as belonging to another field (<c>nurse</c>,
/// <c>css</c>), and the words that keep a question inside MentorBot's field even when such a marker appears.
/// </summary>
public sealed record Lexicon(
    IReadOnlyList<IReadOnlyList<string>> Synonyms,
    IReadOnlyList<string> OffTopic)
{
    public IReadOnlyList<string> InScope { get; init; } = [];

    public static Lexicon Empty { get; } = new([], []);
}
