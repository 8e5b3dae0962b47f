using System.Security.Cryptography;
using System.Text;

namespace MentorBot.Core.Faq.Semantic;

/// <summary>The cache key of one phrasing's embedding: a hash of the model id and the exact text.</summary>
public static class EmbeddingKey
{
    public static string Of(string modelId, string text) =>
        Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(modelId + "\n" + text)));
}
