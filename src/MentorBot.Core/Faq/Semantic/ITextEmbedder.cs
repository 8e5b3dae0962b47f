namespace MentorBot.Core.Faq.Semantic;

/// <summary>
/// Turns text into a sentence embedding whose dot product with another is their cosine similarity. The core ranks by
/// meaning through this seam only, so it knows nothing of the model or runtime behind it, and tests can use a
/// deterministic fake.
/// </summary>
public interface ITextEmbedder
{
    /// <summary>Names the model and its exact version; cached embeddings are keyed by it.</summary>
    string ModelId { get; }

    /// <summary>An L2-normalised vector. Thread-safe.</summary>
    float[] Embed(string text);
}
