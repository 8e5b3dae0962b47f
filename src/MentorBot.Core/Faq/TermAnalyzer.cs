using MentorBot.Core.Knowledge;

namespace MentorBot.Core.Faq;

/// <summary>
/// Turns text into the terms the FAQ index compares: tokens, typo correction against the knowledge base's own
/// vocabulary, Snowball stems, synonym groups from the lexicon folded into one term, and stopwords dropped.
/// The same analyzer reads the knowledge files and the learner's question, so both sides always agree.
/// </summary>
internal sealed class TermAnalyzer
{
    private readonly Dictionary<string, List<(string[] Stems, string Canonical)>> _phrases = new(StringComparer.Ordinal);
    private SpellingCorrector? _corrector;

    public TermAnalyzer(Lexicon lexicon)
    {
        foreach (var group in lexicon.Synonyms)
        {
            var canonical = "=" + string.Join('_', StemAll(group[0]));
            foreach (var phrase in group)
            {
                var stems = StemAll(phrase);
                if (stems.Length == 0)
                    continue;
                if (!_phrases.TryGetValue(stems[0], out var list))
                    _phrases[stems[0]] = list = [];
                list.Add((stems, canonical));
                list.Sort((x, y) => y.Stems.Length.CompareTo(x.Stems.Length));
            }
        }

        OffTopic = lexicon.OffTopic.SelectMany(w => Analyze(w)).ToHashSet(StringComparer.Ordinal);
        InScope = lexicon.InScope.SelectMany(w => Analyze(w)).ToHashSet(StringComparer.Ordinal);
        foreach (var (facet, values) in lexicon.Facets)
        {
            foreach (var value in values)
            {
                if (Analyze(value) is [var term])
                {
                    Facets[term] = facet;
                    FacetValues[term] = value;
                }
            }
        }
    }

    /// <summary>Terms that are values of a facet (<c>=india</c> → <c>region</c>), from the lexicon's <c>facets</c>.</summary>
    public Dictionary<string, string> Facets { get; } = new(StringComparer.Ordinal);

    /// <summary>Each facet term's value as the lexicon writes it (<c>=germani</c> → <c>germany</c>), for explanations.</summary>
    public Dictionary<string, string> FacetValues { get; } = new(StringComparer.Ordinal);

    /// <summary>The facet values among <paramref name="terms"/>, by facet.</summary>
    public Dictionary<string, HashSet<string>> FacetsOf(IEnumerable<string> terms)
    {
        var found = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        foreach (var term in terms)
        {
            if (!Facets.TryGetValue(term, out var facet))
                continue;
            if (!found.TryGetValue(facet, out var values))
                found[facet] = values = new HashSet<string>(StringComparer.Ordinal);
            values.Add(term);
        }

        return found;
    }

    /// <summary>Terms that mark a question as belonging to another field.</summary>
    public HashSet<string> OffTopic { get; }

    /// <summary>Terms that keep a question in MentorBot's field even beside an off-topic marker.</summary>
    public HashSet<string> InScope { get; }

    /// <summary>Typo correction is switched on once the index knows the vocabulary it may correct to.</summary>
    public void UseCorrector(SpellingCorrector corrector) => _corrector = corrector;

    /// <summary>Whether the knowledge base uses this word.</summary>
    public bool Knows(string token) => _corrector?.IsKnown(token) ?? false;

    /// <summary>Whether the word is a typo of one the knowledge base uses.</summary>
    public bool Corrects(string token) => _corrector?.Correct(token) is not null;

    /// <summary>The word a question's token is read as when it is misspelt, or null when it is taken as written.</summary>
    private string? Correction(string token) =>
        _corrector is { } corrector && !Stopwords.All.Contains(token) && !corrector.IsKnown(token) && !EnglishWords.Contains(token)
            ? corrector.Correct(token)
            : null;

    public List<string> Analyze(string text) => Analyze(Tokenizer.Tokenize(text));

    /// <summary>Analyses text already split by <see cref="Tokenizer"/>, for callers that need the tokens too.</summary>
    public List<string> Analyze(List<string> tokens) => Analyze(tokens, correct: false, jargon: null);

    /// <summary>
    /// Analyses a learner's question, given as <see cref="Tokenizer"/> tokens. <paramref name="jargon"/> receives the
    /// terms whose words are not everyday English (product names, abbreviations): unknown to the knowledge base, they
    /// still hint at a technical question. <paramref name="corrections"/> receives each misspelt token with the word
    /// it was read as.
    /// </summary>
    public List<string> AnalyzeQuery(List<string> tokens, HashSet<string>? jargon = null, Dictionary<string, string>? corrections = null) =>
        Analyze(tokens, correct: true, jargon, corrections);

    private List<string> Analyze(List<string> tokens, bool correct, HashSet<string>? jargon, Dictionary<string, string>? corrections = null)
    {
        tokens = SpellOut(tokens);
        var stems = new string[tokens.Count];
        var stop = new bool[tokens.Count];
        for (var i = 0; i < tokens.Count; i++)
        {
            var token = tokens[i];
            if (correct && Correction(token) is { } corrected)
            {
                corrections?.TryAdd(token, corrected);
                token = corrected;
            }
            // A number the knowledge base never mentions ("in 2027") says nothing about the topic.
            stop[i] = Stopwords.All.Contains(token) || (correct && char.IsDigit(token[0]) && _corrector is { } known && !known.IsKnown(token));
            stems[i] = WordStemmer.Stem(token);
            if (jargon is not null && !stop[i] && !char.IsDigit(token[0]) && !EnglishWords.Contains(token) && !(_corrector?.IsKnown(token) ?? false))
                jargon.Add(stems[i]);
        }

        var terms = new List<string>(tokens.Count);
        for (var i = 0; i < stems.Length;)
        {
            var matched = false;
            if (_phrases.TryGetValue(stems[i], out var candidates))
            {
                foreach (var (phrase, canonical) in candidates)
                {
                    if (i + phrase.Length <= stems.Length && stems.AsSpan(i, phrase.Length).SequenceEqual(phrase))
                    {
                        terms.Add(canonical);
                        i += phrase.Length;
                        matched = true;
                        break;
                    }
                }
            }

            if (matched)
                continue;
            if (!stop[i])
                terms.Add(stems[i]);
            i++;
        }

        return terms;
    }

    private static List<string> SpellOut(List<string> tokens)
    {
        if (!tokens.Exists(t => ChatShorthand.Expansion(t) is not null))
            return tokens;
        var spelt = new List<string>(tokens.Count + 4);
        foreach (var token in tokens)
        {
            if (ChatShorthand.Expansion(token) is { } words)
                spelt.AddRange(words.Split(' '));
            else
                spelt.Add(token);
        }

        return spelt;
    }

    private static string[] StemAll(string phrase) =>
        Tokenizer.Tokenize(phrase).Select(WordStemmer.Stem).ToArray();
}
