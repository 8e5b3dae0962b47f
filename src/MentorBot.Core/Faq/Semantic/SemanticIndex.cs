using MentorBot.Core.Knowledge;

namespace MentorBot.Core.Faq.Semantic;

/// <summary>
/// The embeddings of every entry's title and alternate questions for one knowledge snapshot. An entry's similarity to
/// a question is mostly its best phrasing's cosine: one close phrasing is evidence enough, and averaging all of them
/// would punish entries with many alternate questions. A share (<see cref="ConsensusShare"/>) goes to the mean of
/// its best three, so that one phrasing that happens to share a word with the question weighs less than several
/// that agree. On the fitting sets (eval/tune-*.tsv) this put the right entry first 1–2 more times per set.
/// The knowledge's off-topic examples are embedded beside them (<see cref="ClosestOffTopic"/>).
/// </summary>
internal sealed class SemanticIndex
{
    private const double ConsensusShare = 0.3;
    private const int ConsensusPhrasings = 3;

    private readonly float[][] _vectors;
    private readonly int[] _owner;
    private readonly int _entryCount;
    private readonly float[][] _offTopic;
    private readonly IReadOnlyList<string> _offTopicTexts;

    private SemanticIndex(float[][] vectors, int[] owner, int entryCount, float[][] offTopic, IReadOnlyList<string> offTopicTexts, ITextEmbedder embedder)
    {
        _vectors = vectors;
        _owner = owner;
        _entryCount = entryCount;
        _offTopic = offTopic;
        _offTopicTexts = offTopicTexts;
        Embedder = embedder;
    }

    public ITextEmbedder Embedder { get; }

    public static SemanticIndex Build(IReadOnlyList<FaqEntry> entries, IReadOnlyList<string> offTopic, ITextEmbedder embedder, IEmbeddingCache cache)
    {
        var vectors = new List<float[]>();
        var owner = new List<int>();
        var used = new Dictionary<string, float[]>(StringComparer.Ordinal);
        float[] Embed(string text)
        {
            var key = EmbeddingKey.Of(embedder.ModelId, text);
            if (!used.TryGetValue(key, out var vector))
            {
                vector = cache.Find(key) ?? embedder.Embed(text);
                used[key] = vector;
            }

            return vector;
        }

        for (var e = 0; e < entries.Count; e++)
        {
            foreach (var text in Phrasings(entries[e]))
            {
                vectors.Add(Embed(text));
                owner.Add(e);
            }
        }

        var offTopicVectors = offTopic.Select(Embed).ToArray();
        cache.ReplaceAll(used);
        return new SemanticIndex([.. vectors], [.. owner], entries.Count, offTopicVectors, offTopic, embedder);
    }

    /// <summary>The off-topic example closest to the question and its cosine; null when the knowledge has none.</summary>
    public OffTopicMatch? ClosestOffTopic(float[] question)
    {
        var best = -1;
        var bestCosine = double.NegativeInfinity;
        for (var i = 0; i < _offTopic.Length; i++)
        {
            var cosine = Dot(question, _offTopic[i]);
            if (cosine > bestCosine)
                (best, bestCosine) = (i, cosine);
        }

        return best < 0 ? null : new OffTopicMatch(_offTopicTexts[best], bestCosine);
    }

    public static IEnumerable<string> Phrasings(FaqEntry entry) =>
        new[] { entry.Title }.Concat(entry.Questions.Select(HinglishGloss.Apply)).Where(q => !string.IsNullOrWhiteSpace(q)).Distinct(StringComparer.Ordinal);

    /// <summary>
    /// For each entry, in knowledge order: (1 − share) × its best phrasing's cosine with the question + share × the
    /// mean of its best three.
    /// </summary>
    public double[] Similarities(float[] question)
    {
        // The best three cosines of each entry, kept sorted (descending) in a flat array.
        var top = new double[_entryCount * ConsensusPhrasings];
        var counts = new int[_entryCount];
        Array.Fill(top, double.NegativeInfinity);
        for (var i = 0; i < _vectors.Length; i++)
        {
            var cosine = Dot(question, _vectors[i]);
            var entry = _owner[i];
            counts[entry]++;
            var slots = top.AsSpan(entry * ConsensusPhrasings, ConsensusPhrasings);
            for (var s = 0; s < slots.Length; s++)
            {
                if (cosine > slots[s])
                {
                    (slots[s], cosine) = (cosine, slots[s]);
                }
            }
        }

        var similarities = new double[_entryCount];
        for (var e = 0; e < _entryCount; e++)
        {
            var slots = top.AsSpan(e * ConsensusPhrasings, Math.Min(ConsensusPhrasings, counts[e]));
            if (slots.Length == 0)
            {
                similarities[e] = -1;
                continue;
            }

            var sum = 0.0;
            foreach (var value in slots)
                sum += value;
            similarities[e] = ((1 - ConsensusShare) * slots[0]) + (ConsensusShare * sum / slots.Length);
        }

        return similarities;
    }

    /// <summary>The cosine of two L2-normalised embeddings.</summary>
    internal static double Dot(float[] a, float[] b)
    {
        var length = Math.Min(a.Length, b.Length);
        var sum = 0.0;
        for (var i = 0; i < length; i++)
            sum += a[i] * b[i];
        return sum;
    }
}
