using MentorBot.Core.Faq.Semantic;
using Microsoft.Extensions.Logging;

namespace MentorBot.Faq.Semantic;

/// <summary>
/// Loads the embedding model for the FAQ engine, or says in one warning why it cannot and lets the engine answer
/// lexically: a missing model file, an unsupported platform or a read-only disk must never stop the bot.
/// </summary>
public static partial class SemanticModelLoader
{
    /// <summary>The model and the phrasing cache, or (null, null) when semantic matching is off or cannot load.</summary>
    public static (ITextEmbedder? Embedder, IEmbeddingCache? Cache) Load(SemanticFaqOptions options, ILogger logger, string? bundlePath = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (!options.Enabled)
        {
            LogDisabled(logger);
            return (null, null);
        }

        // Anything at all: a native library that will not load on this platform fails in ways no list foresees.
        try
        {
            // Before the model's first buffers: see NativeHeap for what this saves.
            NativeHeap.FixMmapThreshold();
            var cacheDirectory = Path.GetFullPath(options.CacheDirectory);
            var bundle = ModelBundle.Unpack(bundlePath ?? ModelBundle.DefaultBundlePath, cacheDirectory);
            var embedder = new OnnxTextEmbedder(bundle, options.MaxTokens);
            var cacheFile = Path.Combine(cacheDirectory, $"faq-embeddings-{EmbeddingKey.Of(bundle.ModelId, "")[..16]}.bin");
            IEmbeddingCache cache;
            try
            {
                cache = new FileEmbeddingCache(cacheFile);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                LogNoCache(logger, cacheFile, ex.Message);
                cache = NoEmbeddingCache.Instance;
            }

            return (embedder, cache);
        }
        catch (Exception ex)
        {
            LogUnavailable(logger, ex.GetType().Name, ex.Message);
            return (null, null);
        }
    }

    [LoggerMessage(EventId = 1301, Level = LogLevel.Warning,
        Message = "The FAQ embedding model could not be loaded ({Kind}: {Reason}); questions are matched by words only")]
    private static partial void LogUnavailable(ILogger logger, string kind, string reason);

    [LoggerMessage(EventId = 1302, Level = LogLevel.Information, Message = "Faq:Semantic:Enabled is false; questions are matched by words only")]
    private static partial void LogDisabled(ILogger logger);

    [LoggerMessage(EventId = 1303, Level = LogLevel.Warning,
        Message = "The FAQ embedding cache {File} cannot be used ({Reason}); knowledge phrasings are embedded again at each start")]
    private static partial void LogNoCache(ILogger logger, string file, string reason);
}
