using MentorBot.Core.Knowledge;

namespace MentorBot.Core.Faq.Semantic;

/// <summary>
/// The embeddings of every entry's title and alternate questions for one knowledge snapshot. An entry's similarity to
/// a question is its best phrasing's cosine: one close phrasing is evidence enough, and averaging would punish entries
/// with many alternate questions.
/// </summary>
internal sealed class SemanticIndex
{
    private readonly float[][] _vectors;
    private readonly int[] _owner;
    private readonly int _entryCount;

    private SemanticIndex(float[][] vectors, int[] owner, int entryCount, ITextEmbedder embedder)
    {
        _vectors = vectors;
        _owner = owner;
        _entryCount = entryCount;
        Embedder = embedder;
    }

    public ITextEmbedder Embedder { get; }

    public static SemanticIndex Build(IReadOnlyList<FaqEntry> entries, ITextEmbedder embedder, IEmbeddingCache cache)
    {
        var vectors = new List<float[]>();
        var owner = new List<int>();
        var used = new Dictionary<string, float[]>(StringComparer.Ordinal);
        for (var e = 0; e < entries.Count; e++)
        {
            foreach (var text in Phrasings(entries[e]))
            {
                var key = EmbeddingKey.Of(embedder.ModelId, text);
                if (!used.TryGetValue(key, out var vector))
                {
                    vector = cache.Find(key) ?? embedder.Embed(text);
                    used[key] = vector;
                }

                vectors.Add(vector);
                owner.Add(e);
            }
        }

        cache.ReplaceAll(used);
        return new SemanticIndex([.. vectors], [.. owner], entries.Count, embedder);
    }

    public static IEnumerable<string> Phrasings(FaqEntry entry) =>
        new[] { entry.Title }.Concat(entry.Questions).Where(q => !string.IsNullOrWhiteSpace(q)).Distinct(StringComparer.Ordinal);

    /// <summary>For each entry, in knowledge order, its best phrasing's cosine with the question.</summary>
    public double[] Similarities(float[] question)
    {
        var best = new double[_entryCount];
        Array.Fill(best, -1);
        for (var i = 0; i < _vectors.Length; i++)
        {
            var cosine = Dot(question, _vectors[i]);
            if (cosine > best[_owner[i]])
                best[_owner[i]] = cosine;
        }

        return best;
    }

    private static double Dot(float[] a, float[] b)
    {
        var length = Math.Min(a.Length, b.Length);
        var sum = 0.0;
        for (var i = 0; i < length; i++)
            sum += a[i] * b[i];
        return sum;
    }
}
