using MentorBot.Core.Faq.Semantic;

namespace MentorBot.Core.Tests.Faq.Semantic;

/// <summary>
/// A deterministic stand-in for the sentence model: each text is a bag of "concepts", where words listed together in
/// <paramref name="concepts"/> count as the same concept, so two texts sharing no word can still be close in meaning.
/// Counts every call, so tests can see what was embedded.
/// </summary>
internal sealed class FakeEmbedder(params string[][] concepts) : ITextEmbedder
{
    private const int Dimensions = 64;
    private readonly System.Collections.Concurrent.ConcurrentQueue<string> _texts = new();
    private int _calls;

    public string ModelId => "fake-concepts-v1";

    public int Calls => Volatile.Read(ref _calls);

    /// <summary>Every text embedded, in order.</summary>
    public IReadOnlyCollection<string> Texts => _texts;

    public float[] Embed(string text)
    {
        Interlocked.Increment(ref _calls);
        _texts.Enqueue(text);
        var vector = new float[Dimensions];
        foreach (var word in text.ToLowerInvariant().Split([' ', '?', ',', '.', '!'], StringSplitOptions.RemoveEmptyEntries))
        {
            var concept = Array.FindIndex(concepts, c => c.Contains(word));
            var slot = concept >= 0 ? concept : (Math.Abs(StringComparer.Ordinal.GetHashCode(word)) % (Dimensions - concepts.Length)) + concepts.Length;
            vector[slot] += concept >= 0 ? 3 : 0.2f;
        }

        var norm = Math.Sqrt(vector.Sum(x => x * x));
        return norm == 0 ? vector : [.. vector.Select(x => (float)(x / norm))];
    }
}

/// <summary>An embedding cache in memory that remembers what it was given.</summary>
internal sealed class MemoryEmbeddingCache : IEmbeddingCache
{
    private Dictionary<string, float[]> _entries = new(StringComparer.Ordinal);

    public int Count => _entries.Count;

    public float[]? Find(string key) => _entries.GetValueOrDefault(key);

    public void ReplaceAll(IReadOnlyDictionary<string, float[]> embeddings) =>
        _entries = new Dictionary<string, float[]>(embeddings, StringComparer.Ordinal);
}
