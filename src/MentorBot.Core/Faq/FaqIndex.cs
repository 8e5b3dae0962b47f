using MentorBot.Core.Knowledge;

namespace MentorBot.Core.Faq;

/// <summary>
/// An inverted index over one knowledge snapshot. Two signals rank an entry: BM25 over the entry's weighted
/// fields (id, title and tags count three times, each alternate question twice, the answer once), and the best
/// IDF-weighted cosine between the question and one of the entry's phrasings. Coverage — the share of the
/// question's weight the entry explains, where words the knowledge base has never seen weigh the most — is what
/// lets it decline questions from other fields instead of answering them with the nearest backend entry.
/// </summary>
internal sealed class FaqIndex
{
    private const double K1 = 1.2;
    private const double B = 0.75;

    private readonly IReadOnlyList<FaqEntry> _entries;
    private readonly Dictionary<string, int> _termIds = new(StringComparer.Ordinal);
    private readonly List<double> _idf = [];
    private readonly List<(int Entry, float Weight)[]> _entryPostings = [];
    private readonly List<(int Phrasing, float Weight)[]> _phrasingPostings = [];
    private readonly int[] _phrasingEntry;
    private readonly HashSet<int>[] _entryTerms;
    private readonly Dictionary<string, FaqEntry> _exact = new(StringComparer.Ordinal);
    private readonly string[] _vocabulary;
    private readonly double _unknownWeight;

    public FaqIndex(KnowledgeBase knowledge)
    {
        _entries = knowledge.Faq;
        Analyzer = new TermAnalyzer(knowledge.Lexicon);
        var frequency = new Dictionary<string, int>(StringComparer.Ordinal);

        var documents = new List<Dictionary<int, double>>();
        var phrasings = new List<(int Entry, int[] Terms)>();
        for (var e = 0; e < _entries.Count; e++)
        {
            var entry = _entries[e];
            var tf = new Dictionary<int, double>();

            // Each text is tokenized and analysed once; phrasings reuse the result for their cosine and exact keys.
            (List<string> Tokens, List<string> Terms) Add(string text, double weight)
            {
                var tokens = Tokenizer.Tokenize(text);
                foreach (var token in tokens)
                    frequency[token] = frequency.GetValueOrDefault(token) + 1;
                var terms = Analyzer.Analyze(tokens);
                foreach (var term in terms)
                {
                    var id = TermId(term);
                    tf[id] = tf.GetValueOrDefault(id) + weight;
                }

                return (tokens, terms);
            }

            var entryId = Add(entry.Id.Replace('-', ' '), 3);
            var entryPhrasings = new List<(List<string> Tokens, List<string> Terms)> { Add(entry.Title, 3) };
            foreach (var tag in entry.Tags)
                Add(tag, 3);
            // Read as the questions are (HinglishGloss), so a phrasing written in Hinglish meets a question written so.
            foreach (var question in entry.Questions)
                entryPhrasings.Add(Add(HinglishGloss.Apply(question), 2));
            // The closing "Sources:" line names publishers ("Developers Zone India"), not the topic; indexing it would
            // make "India" look common and blur the salary entries apart.
            Add(WithoutSourcesLine(entry.Answer), 0.3);
            documents.Add(tf);

            foreach (var (tokens, terms) in entryPhrasings)
            {
                phrasings.Add((e, terms.Select(TermId).Distinct().ToArray()));
                _exact.TryAdd(ExactKey(tokens), entry);
            }

            _exact[ExactKey(entryId.Tokens)] = entry;
        }

        // The lexicon's words are known words, so a question's "germany" is read as written, not corrected to a
        // knowledge word a letter or two away.
        foreach (var group in knowledge.Lexicon.Synonyms.Concat(knowledge.Lexicon.Facets.Values))
        {
            foreach (var token in group.SelectMany(Tokenizer.Tokenize))
                frequency[token] = frequency.GetValueOrDefault(token) + 1;
        }

        var n = _entries.Count;
        var df = new int[_termIds.Count];
        foreach (var document in documents)
        {
            foreach (var term in document.Keys)
                df[term]++;
        }

        var framing = FramingWords.All.SelectMany(Analyzer.Analyze).ToHashSet(StringComparer.Ordinal);
        for (var t = 0; t < df.Length; t++)
            _idf.Add(Idf(n, df[t]));
        foreach (var (term, id) in _termIds)
        {
            // Numbers ("2025", "6 months") qualify a question rather than name its topic, like framing words.
            if (framing.Contains(term) || char.IsDigit(term[0]))
                _idf[id] *= FramingWords.Weight;
        }

        _unknownWeight = Idf(n, 0);
        RarestWeight = Idf(n, 1);

        var averageLength = documents.Count == 0 ? 1 : documents.Average(d => d.Values.Sum());
        var entryPostings = Enumerable.Range(0, df.Length).Select(_ => new List<(int, float)>()).ToArray();
        _entryTerms = new HashSet<int>[n];
        for (var e = 0; e < n; e++)
        {
            var length = documents[e].Values.Sum();
            foreach (var (term, tf) in documents[e])
            {
                var weight = _idf[term] * tf * (K1 + 1) / (tf + K1 * (1 - B + B * length / averageLength));
                entryPostings[term].Add((e, (float)weight));
            }

            _entryTerms[e] = [.. documents[e].Keys];
        }

        _entryPostings.AddRange(entryPostings.Select(p => p.ToArray()));

        var phrasingPostings = Enumerable.Range(0, df.Length).Select(_ => new List<(int, float)>()).ToArray();
        _phrasingEntry = new int[phrasings.Count];
        for (var p = 0; p < phrasings.Count; p++)
        {
            var (entry, terms) = phrasings[p];
            _phrasingEntry[p] = entry;
            var norm = Math.Sqrt(terms.Sum(t => _idf[t] * _idf[t]));
            if (norm == 0)
                continue;
            foreach (var term in terms)
                phrasingPostings[term].Add((p, (float)(_idf[term] * _idf[term] / norm)));
        }

        _phrasingPostings.AddRange(phrasingPostings.Select(p => p.ToArray()));
        _vocabulary = [.. frequency.Keys.Order(StringComparer.Ordinal)];
        Analyzer.UseCorrector(new SpellingCorrector(frequency));
    }

    public TermAnalyzer Analyzer { get; }

    /// <summary>The weight of a word used by exactly one entry: the unit in which shared vocabulary is measured.</summary>
    public double RarestWeight { get; }

    public IReadOnlyList<FaqEntry> Entries => _entries;

    /// <summary>Exact hits: an entry id (what follow-up buttons send), a title or one of the written phrasings.</summary>
    public FaqEntry? FindExact(List<string> questionTokens) => _exact.GetValueOrDefault(ExactKey(questionTokens));

    /// <summary>Words the knowledge base never uses weigh the most: they are what the question is about that it cannot answer.</summary>
    public const double JargonDiscount = 0.5;

    /// <summary>
    /// The weight <see cref="Search"/> gives a question term: its IDF when the knowledge base uses it, otherwise the
    /// weight of an unknown word (halved for jargon). The learning loop compares two questions with the same weights.
    /// </summary>
    public double TermWeight(string term, IReadOnlySet<string>? jargon = null) =>
        _termIds.TryGetValue(term, out var id) ? _idf[id]
        : jargon is not null && jargon.Contains(term) ? _unknownWeight * JargonDiscount
        : _unknownWeight;

    public IReadOnlyList<FaqCandidate> Search(IReadOnlyList<string> terms, int max, IReadOnlySet<string>? jargon = null)
    {
        var known = new List<int>();
        var queryWeight = 0.0;
        var queryNorm = 0.0;
        foreach (var term in terms.Distinct(StringComparer.Ordinal))
        {
            if (_termIds.TryGetValue(term, out var id))
                known.Add(id);
            var weight = TermWeight(term, jargon);
            queryWeight += weight;
            queryNorm += weight * weight;
        }

        if (known.Count == 0 || _entries.Count == 0)
            return [];
        queryNorm = Math.Sqrt(queryNorm);

        var bm25 = new double[_entries.Count];
        var bm25Max = 0.0;
        foreach (var term in known)
        {
            bm25Max += _idf[term] * (K1 + 1);
            foreach (var (entry, weight) in _entryPostings[term])
                bm25[entry] += weight;
        }

        // Arrays rather than dictionaries: with thousands of entries a common word touches most of them, and the
        // accumulation must stay a tight loop.
        var phrasing = new double[_phrasingEntry.Length];
        foreach (var term in known)
        {
            foreach (var (p, weight) in _phrasingPostings[term])
                phrasing[p] += weight;
        }

        var bestPhrasing = new double[_entries.Count];
        for (var p = 0; p < phrasing.Length; p++)
        {
            if (phrasing[p] > 0)
            {
                var entry = _phrasingEntry[p];
                bestPhrasing[entry] = Math.Max(bestPhrasing[entry], phrasing[p] / queryNorm);
            }
        }

        // Only the best few need their coverage worked out, so rank by score first with a small bounded heap.
        var top = new PriorityQueue<int, double>(max + 1);
        var scores = new double[_entries.Count];
        for (var e = 0; e < _entries.Count; e++)
        {
            if (bm25[e] <= 0)
                continue;
            var lexical = bm25Max > 0 ? Math.Min(1, bm25[e] / bm25Max) : 0;
            scores[e] = (0.6 * bestPhrasing[e]) + (0.4 * lexical);
            top.Enqueue(e, scores[e]);
            if (top.Count > max)
                top.Dequeue();
        }

        var candidates = new List<FaqCandidate>(top.Count);
        while (top.TryDequeue(out var e, out _))
        {
            var lexical = bm25Max > 0 ? Math.Min(1, bm25[e] / bm25Max) : 0;
            var matched = Matched(e, known);
            candidates.Add(new FaqCandidate(_entries[e], scores[e], bestPhrasing[e], lexical, queryWeight > 0 ? matched / queryWeight : 0, matched));
        }

        // Ties keep the knowledge base's order, so answers do not depend on heap internals.
        candidates.Sort((x, y) => y.Score != x.Score ? y.Score.CompareTo(x.Score) : string.CompareOrdinal(x.Entry.Id, y.Entry.Id));
        return candidates;
    }

    /// <summary>Vocabulary words starting with <paramref name="prefix"/>, for autocomplete of a half-typed word.</summary>
    public IEnumerable<string> WordsStartingWith(string prefix)
    {
        var start = Array.BinarySearch(_vocabulary, prefix, StringComparer.Ordinal);
        if (start < 0)
            start = ~start;
        for (var i = start; i < _vocabulary.Length && _vocabulary[i].StartsWith(prefix, StringComparison.Ordinal); i++)
            yield return _vocabulary[i];
    }

    private double Matched(int entry, List<int> known)
    {
        var covered = 0.0;
        foreach (var term in known)
        {
            if (_entryTerms[entry].Contains(term))
                covered += _idf[term];
        }

        return covered;
    }

    private int TermId(string term)
    {
        if (!_termIds.TryGetValue(term, out var id))
            _termIds[term] = id = _termIds.Count;
        return id;
    }

    private static string WithoutSourcesLine(string answer)
    {
        var last = answer.LastIndexOf("\nSources:", StringComparison.Ordinal);
        return last >= 0 ? answer[..last] : answer;
    }

    private static double Idf(int documents, int frequency) =>
        Math.Log(1 + ((documents - frequency + 0.5) / (frequency + 0.5)));

    private static string ExactKey(List<string> tokens) => string.Join(' ', tokens);
}
