namespace MentorBot.Faq.Semantic;

/// <summary><c>Faq:Semantic</c>: the locally run sentence-embedding model behind meaning-based matching.</summary>
public sealed class SemanticFaqOptions
{
    /// <summary>Off means lexical matching only; the host then never loads the model.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Where the unpacked model and the embeddings of knowledge phrasings are kept across restarts.</summary>
    public string CacheDirectory { get; set; } = "data/cache";

    /// <summary>Word pieces read from one question; the rest is cut (MiniLM was trained on 256 at most).</summary>
    public int MaxTokens { get; set; } = 256;
}
