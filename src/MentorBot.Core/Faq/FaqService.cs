using MentorBot.Core.Faq.Semantic;
using MentorBot.Core.Knowledge;

namespace MentorBot.Core.Faq;

/// <summary>
/// Answers questions from whatever knowledge snapshot is live. Two rankers look at each question: the lexical engine
/// (BM25 with synonyms, stemming, typo correction and jargon weighting) and, when a sentence-embedding model is loaded,
/// cosine similarity with every entry's phrasings. Entries rank by cosine plus a fitted share of the lexical
/// confidence, and one calibrated logistic function of both rankers' signals decides whether to answer, suggest or
/// decline (<see cref="FaqCalibration"/>). Indexes are rebuilt once per snapshot, so a hot reload costs one build and
/// questions in flight keep the index they started with.
/// </summary>
public sealed class FaqService(IKnowledgeProvider knowledge, ITextEmbedder? embedder = null, IEmbeddingCache? embeddingCache = null)
    : IFaqService
{
    private const int MaxSuggestions = 3;
    private const int LexicalCandidates = 10;
    private const int AnswerCacheSize = 2048;

    private readonly Lock _buildLock = new();
    private IndexedSnapshot? _snapshot;

    /// <summary>Whether questions are also matched by meaning (a model is loaded).</summary>
    public bool Semantic => embedder is not null;

    /// <summary>The embedding model in use, or null when matching is lexical only.</summary>
    public string? ModelId => embedder?.ModelId;

    public FaqResult Ask(string question)
    {
        if (string.IsNullOrWhiteSpace(question))
            return new FaqResult(null, 0, []);
        var snapshot = Snapshot();
        var key = AnswerCache.Normalise(question);
        if (snapshot.Answers.TryGet(key, out var cached))
            return cached;
        var result = Rank(snapshot, question).Result;
        snapshot.Answers.Add(key, result);
        return result;
    }

    /// <summary>Both rankers' candidates, the fused ranking with signals, and the decision (<c>ask --explain</c>, calibration).</summary>
    public FaqRanking Explain(string question) => Rank(Snapshot(), question ?? "");

    /// <summary>
    /// The learning loop's view of the live snapshot: questions measured and ranked against the same indexes, however
    /// many reloads happen meanwhile (<see cref="Learning.QuestionGrouper"/>).
    /// </summary>
    internal Learning.LearningView ForLearning()
    {
        var snapshot = Snapshot();
        return new Learning.LearningView(snapshot.Lexical, snapshot.Semantic, question =>
        {
            var measurement = Measure(snapshot, question);
            return (measurement, Rank(snapshot, measurement));
        });
    }

    /// <summary>Builds the indexes of the current snapshot now, instead of on the first question.</summary>
    public void Warm() => Snapshot();

    public IReadOnlyList<FaqEntry> Complete(string partialQuestion, int max)
    {
        var index = Snapshot().Lexical;
        if (max <= 0)
            return [];
        if (string.IsNullOrWhiteSpace(partialQuestion))
            return index.Entries.OrderBy(e => e.Title, StringComparer.OrdinalIgnoreCase).Take(max).ToArray();

        var tokens = Tokenizer.Tokenize(partialQuestion);
        var terms = index.Analyzer.AnalyzeQuery(tokens);
        var endsInWord = tokens.Count > 0 && char.IsLetterOrDigit(partialQuestion[^1]);
        if (endsInWord && tokens[^1].Length >= 2)
        {
            foreach (var word in index.WordsStartingWith(tokens[^1]).Take(20))
                terms.AddRange(index.Analyzer.Analyze(word));
        }

        var ranked = index.Search(terms, max).Select(c => c.Entry).ToList();
        if (index.FindExact(tokens) is { } exact)
        {
            ranked.Remove(exact);
            ranked.Insert(0, exact);
        }

        return ranked.Take(max).ToArray();
    }

    /// <summary>
    /// The lexical engine's own confidence, from 0 to 1, from three signals: coverage (the share of the question's
    /// weight the entry explains; words the knowledge base never uses weigh the most), specificity (how much rare,
    /// topical vocabulary the entry shares with the question, in units of the rarest word) and the ranking score. It
    /// is one of the signals of the calibrated decision.
    /// </summary>
    internal static double LexicalConfidence(FaqCandidate top, double rarestWeight)
    {
        var specificity = rarestWeight > 0 ? Math.Min(1, top.Matched / (2 * rarestWeight)) : 0;
        var confidence = ((2 * top.Coverage) + (3 * specificity) + top.Score) / 6;
        return Math.Round(Math.Clamp(confidence, 0, 1), 3);
    }

    /// <summary>Both rankers' raw view of a question, before fusion; the calibrator refits fusion and decision from it.</summary>
    internal FaqMeasurement Measure(string question) => Measure(Snapshot(), question ?? "");

    private static FaqRanking Rank(IndexedSnapshot snapshot, string question) => Rank(snapshot, Measure(snapshot, question));

    private static FaqRanking Rank(IndexedSnapshot snapshot, FaqMeasurement measurement)
    {
        if (measurement.Early is { } early)
            return new FaqRanking([], [], [], [], early.Result, early.Decision);

        var calibration = snapshot.Knowledge.Calibration;
        var model = measurement.Cosine is null ? calibration.Lexical : calibration.Semantic;
        var fused = Fuse(measurement, calibration.LexicalWeight, model);
        var entries = measurement.Entries;
        var lexical = Enumerable.Range(0, entries.Count)
            .Where(e => measurement.Lexical[e] > 0)
            .OrderByDescending(e => measurement.Lexical[e])
            .Take(5)
            .Select(e => new FaqRankedEntry(entries[e], measurement.Lexical[e]))
            .ToArray();
        var cosine = measurement.Cosine;
        var semanticList = cosine is null
            ? []
            : Enumerable.Range(0, entries.Count).OrderByDescending(e => cosine[e]).Take(5).Select(e => new FaqRankedEntry(entries[e], Math.Round(cosine[e], 3))).ToArray();
        var (result, decision) = Decide(fused, model);
        if (!result.Answered && measurement.LooksNonEnglish)
            (result, decision) = (result with { NotEnglish = true }, decision + "; the question looks like another language");
        return new FaqRanking(measurement.Terms, lexical, semanticList, fused.Take(5).ToArray(), result, decision) { Focus = measurement.Focus, ClosestOffTopic = measurement.ClosestOffTopic };
    }

    private static FaqMeasurement Measure(IndexedSnapshot snapshot, string question)
    {
        var index = snapshot.Lexical;
        var entries = index.Entries;
        var asked = question;
        question = HinglishGloss.Apply(question);
        var tokens = Tokenizer.Tokenize(question);
        if (tokens.Count == 0)
            return FaqMeasurement.Decided(entries, new FaqResult(null, 0, []), "declined: no words");
        if (SmallTalk.Classify(tokens) is { } smallTalk)
            return FaqMeasurement.Decided(entries, new FaqResult(null, 0, []) { SmallTalk = smallTalk }, $"small talk: {smallTalk}");
        if (index.FindExact(tokens) is { } exact)
            return FaqMeasurement.Decided(entries, new FaqResult(exact, 1, []), "answered: exact id, title or phrasing");

        var jargon = new HashSet<string>(StringComparer.Ordinal);
        var corrections = new Dictionary<string, string>(StringComparer.Ordinal);
        var terms = index.Analyzer.AnalyzeQuery(tokens, jargon, corrections);
        var lexical = new double[entries.Count];
        foreach (var candidate in index.Search(terms, LexicalCandidates, jargon))
            lexical[snapshot.Position[candidate.Entry]] = LexicalConfidence(candidate, index.RarestWeight);
        var semanticText = SemanticText.For(question, tokens, corrections);
        var embedding = snapshot.Semantic?.Embedder.Embed(semanticText);
        var cosine = embedding is null ? null : snapshot.Semantic!.Similarities(embedding);
        // A chat message's question sentences are also matched alone: the context around them pulls the whole
        // message's embedding away from the entry (never fitted on, eval/tune4-chat.tsv got 76 of 93 in scope right instead of 74, eval/tune4-mixed.tsv 129 of 139 instead of 126).
        var focus = cosine is null ? [] : QuestionFocus.Segments(semanticText);
        var offTopic = embedding is null ? null : snapshot.Semantic!.ClosestOffTopic(embedding);
        if (cosine is not null)
        {
            foreach (var segment in focus)
            {
                var segmentEmbedding = snapshot.Semantic!.Embedder.Embed(segment);
                if (snapshot.Semantic.ClosestOffTopic(segmentEmbedding) is { } closer && closer.Cosine > offTopic?.Cosine)
                    offTopic = closer;
                var focused = snapshot.Semantic.Similarities(segmentEmbedding);
                for (var e = 0; e < cosine.Length; e++)
                    cosine[e] = Math.Max(cosine[e], focused[e]);
            }
        }

        return new FaqMeasurement(entries, terms, lexical, cosine)
        {
            Embedding = embedding,
            Focus = focus,
            ClosestOffTopic = offTopic,
            Jargon = jargon,
            OffTopic = terms.Any(index.Analyzer.OffTopic.Contains) && !terms.Any(index.Analyzer.InScope.Contains),
            InScope = terms.Any(index.Analyzer.InScope.Contains),
            Unknown = terms.Count == 0 ? 1 : (double)terms.Count(jargon.Contains) / terms.Count,
            // The learner's own words: a Hinglish question the gloss made readable still gets the "I answer in English" hint when declined.
            LooksNonEnglish = ReferenceEquals(asked, question)
                ? LanguageHint.LooksNonEnglish(question, tokens, index.Analyzer.Knows, index.Analyzer.Corrects)
                : LanguageHint.LooksNonEnglish(asked, Tokenizer.Tokenize(asked), index.Analyzer.Knows, index.Analyzer.Corrects),
            OutOfScope = OutOfScope(snapshot, terms),
        };
    }

    /// <summary>
    /// Entries whose <see cref="FaqEntry.About"/> the question contradicts: it names values of a facet (a region, a
    /// role), none of them one the entry is about. Such an entry may still be suggested, never answered: its figures
    /// would be read as the answer for the place or role asked about.
    /// </summary>
    private static string?[]? OutOfScope(IndexedSnapshot snapshot, List<string> terms)
    {
        var asked = snapshot.Lexical.Analyzer.FacetsOf(terms);
        if (asked.Count == 0)
            return null;
        string?[]? reasons = null;
        for (var e = 0; e < snapshot.About.Length; e++)
        {
            foreach (var (facet, values) in snapshot.About[e])
            {
                if (asked.TryGetValue(facet, out var named) && !named.Overlaps(values))
                {
                    reasons ??= new string?[snapshot.About.Length];
                    reasons[e] = $"the question names {facet} {Show(snapshot, named)}, the entry is only about {Show(snapshot, values)}";
                    break;
                }
            }
        }

        return reasons;
    }

    private static string Show(IndexedSnapshot snapshot, IEnumerable<string> terms) =>
        string.Join(" / ", terms.Select(t => snapshot.Lexical.Analyzer.FacetValues.GetValueOrDefault(t, t)).Order(StringComparer.Ordinal));

    /// <summary>
    /// Entries ranked by cosine + <paramref name="lexicalWeight"/> × lexical confidence (the lexical confidence alone
    /// without the model), each with its signals and the model's probability that it is the answer.
    /// </summary>
    internal static List<FaqRankedEntry> Fuse(FaqMeasurement measurement, double lexicalWeight, FaqDecisionModel model)
    {
        var entries = measurement.Entries;
        var lexical = measurement.Lexical;
        var cosine = measurement.Cosine;
        var score = new double[entries.Count];
        for (var e = 0; e < entries.Count; e++)
            score[e] = cosine is null ? lexical[e] : cosine[e] + (lexicalWeight * lexical[e]);
        var lexicalTop = Array.IndexOf(lexical, lexical.DefaultIfEmpty(0).Max());
        var fused = new List<FaqRankedEntry>(LexicalCandidates);
        foreach (var e in Enumerable.Range(0, entries.Count)
            .Where(e => cosine is not null || lexical[e] > 0)
            .OrderByDescending(e => score[e])
            .ThenBy(e => e)
            .Take(LexicalCandidates))
        {
            var signals = new FaqSignals(
                Cosine: cosine?[e] ?? 0,
                CosineMargin: cosine is null ? 0 : cosine[e] - BestOther(cosine, e),
                Lexical: lexical[e],
                LexicalMargin: lexical[e] - BestOther(lexical, e),
                Agree: e == lexicalTop && lexical[e] > 0,
                OffTopic: measurement.OffTopic,
                InScope: measurement.InScope,
                Unknown: measurement.Unknown,
                OffTopicMargin: cosine is null || measurement.ClosestOffTopic is not { } closest ? 0 : closest.Cosine - cosine[e]);
            fused.Add(new FaqRankedEntry(entries[e], Math.Round(score[e], 3), signals, Math.Round(model.Probability(signals), 3))
            {
                OutOfScope = measurement.OutOfScope?[e],
            });
        }

        return fused;
    }

    internal static (FaqResult Result, string Decision) Decide(List<FaqRankedEntry> fused, FaqDecisionModel model)
    {
        if (fused.Count == 0)
            return (new FaqResult(null, 0, []), "declined: no candidate");
        var top = fused[0];
        var probability = top.Probability ?? 0;
        if (top.OutOfScope is null && probability >= model.AnswerAt)
            return (new FaqResult(top.Entry, probability, []), $"answered: {probability:0.000} ≥ {model.AnswerAt:0.000}");
        var suggestions = fused
            .Take(MaxSuggestions)
            .Where(c => c.Probability >= model.SuggestAt)
            .Select(c => c.Entry)
            .ToArray();
        if (top.OutOfScope is { } reason)
            return (new FaqResult(null, probability, suggestions), $"declined: {reason}; {suggestions.Length} suggestion(s)");
        return (new FaqResult(null, probability, suggestions),
            $"declined: {probability:0.000} < {model.AnswerAt:0.000}, {suggestions.Length} suggestion(s) at ≥ {model.SuggestAt:0.000}");
    }

    private static double BestOther(double[] values, int except)
    {
        var best = 0.0;
        for (var i = 0; i < values.Length; i++)
        {
            if (i != except && values[i] > best)
                best = values[i];
        }

        return best;
    }

    private IndexedSnapshot Snapshot()
    {
        var current = knowledge.Current;
        var snapshot = Volatile.Read(ref _snapshot);
        if (snapshot is not null && ReferenceEquals(snapshot.Knowledge, current))
            return snapshot;
        lock (_buildLock)
        {
            snapshot = _snapshot;
            if (snapshot is null || !ReferenceEquals(snapshot.Knowledge, current))
            {
                var lexical = new FaqIndex(current);
                var semantic = embedder is null
                    ? null
                    : SemanticIndex.Build(lexical.Entries, current.OffTopicExamples, embedder, embeddingCache ?? NoEmbeddingCache.Instance);
                snapshot = new IndexedSnapshot(current, lexical, semantic);
                Volatile.Write(ref _snapshot, snapshot);
            }

            return snapshot;
        }
    }

    private static Dictionary<FaqEntry, int> Positions(IReadOnlyList<FaqEntry> entries)
    {
        var positions = new Dictionary<FaqEntry, int>(ReferenceEqualityComparer.Instance);
        for (var i = 0; i < entries.Count; i++)
            positions[entries[i]] = i;
        return positions;
    }

    private sealed class IndexedSnapshot(KnowledgeBase knowledge, FaqIndex lexical, SemanticIndex? semantic)
    {
        public KnowledgeBase Knowledge { get; } = knowledge;

        public FaqIndex Lexical { get; } = lexical;

        public SemanticIndex? Semantic { get; } = semantic;

        public Dictionary<FaqEntry, int> Position { get; } = Positions(lexical.Entries);

        /// <summary>Per entry in knowledge order, the facet values it is only about, as analysed terms.</summary>
        public Dictionary<string, HashSet<string>>[] About { get; } =
            lexical.Entries.Select(e => lexical.Analyzer.FacetsOf(e.About.SelectMany(lexical.Analyzer.Analyze))).ToArray();

        public AnswerCache Answers { get; } = new(AnswerCacheSize);
    }
}
