namespace MentorBot.Core.Faq.Semantic;

/// <summary>
/// Embeddings of knowledge phrasings kept across restarts, keyed by <see cref="EmbeddingKey"/> (model and text), so
/// a restart or a hot reload embeds only the phrasings that changed. Learners' questions are never put here.
/// </summary>
public interface IEmbeddingCache
{
    float[]? Find(string key);

    /// <summary>Replaces the cache with exactly these embeddings: phrasings no longer in the knowledge drop out.</summary>
    void ReplaceAll(IReadOnlyDictionary<string, float[]> embeddings);
}

/// <summary>No cache: every snapshot embeds every phrasing (tests, and hosts without a writable cache folder).</summary>
public sealed class NoEmbeddingCache : IEmbeddingCache
{
    public static NoEmbeddingCache Instance { get; } = new();

    public float[]? Find(string key) => null;

    public void ReplaceAll(IReadOnlyDictionary<string, float[]> embeddings)
    {
    }
}
