namespace MentorBot.Core.Knowledge;

/// <summary>
/// Vocabulary knowledge from <c>knowledge/lexicon.yaml</c>: groups of words that mean the same thing to a learner
/// (<c>cs</c>, <c>computer science</c>), words that mark a question as belonging to another field (<c>nurse</c>,
/// <c>css</c>), the words that keep a question inside MentorBot's field even when such a marker appears, and facets:
/// kinds of thing a question can be specifically about (a region, a role) that narrow entries declare with <c>about</c>.
/// </summary>
public sealed record Lexicon(
    IReadOnlyList<IReadOnlyList<string>> Synonyms,
    IReadOnlyList<string> OffTopic)
{
    public IReadOnlyList<string> InScope { get; init; } = [];

    /// <summary>Facet name (<c>region</c>, <c>role</c>) to its values, each a word or a synonym group's first phrase.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> Facets { get; init; } = new Dictionary<string, IReadOnlyList<string>>();

    public static Lexicon Empty { get; } = new([], []);
}
