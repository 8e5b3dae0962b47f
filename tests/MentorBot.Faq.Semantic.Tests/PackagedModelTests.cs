using MentorBot.Core.Faq.Semantic;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace MentorBot.Faq.Semantic.Tests;

/// <summary>The real all-MiniLM-L6-v2 from the NuGet package, unpacked and run by ONNX Runtime.</summary>
public sealed class PackagedModelTests : IClassFixture<PackagedModelTests.Model>
{
    private readonly Model _model;

    public PackagedModelTests(Model model) => _model = model;

    [Theory]
    [InlineData("do I need a university degree to get hired", "Is a CS degree required for backend jobs?", "How much do backend developers earn in India?")]
    [InlineData("how much money will I make as a junior", "What is the starting salary of a developer?", "Which database should I learn first?")]
    [InlineData("whats the diff btw frontend n backend", "How do frontend and backend development differ?", "Which certifications are worth it?")]
    [InlineData("how long until I can get a job", "How many months does it take to become job-ready?", "What does a backend developer do all day?")]
    public void A_paraphrase_is_closer_to_its_meaning_than_to_another_topic(string question, string paraphrase, string other)
    {
        var q = _model.Embedder.Embed(question);

        var near = Dot(q, _model.Embedder.Embed(paraphrase));
        var far = Dot(q, _model.Embedder.Embed(other));

        Assert.True(near > far + 0.1, $"cosine {near:0.000} with the paraphrase, {far:0.000} with the other topic");
    }

    [Fact]
    public void Embeddings_are_unit_length_and_deterministic()
    {
        var a = _model.Embedder.Embed("which language should I learn first");
        var b = _model.Embedder.Embed("which language should I learn first");

        Assert.Equal(384, a.Length);
        Assert.Equal(1, Dot(a, a), 3);
        Assert.Equal(a, b);
    }

    [Fact]
    public void Overlong_and_empty_text_is_embedded_without_error()
    {
        Assert.Equal(384, _model.Embedder.Embed(string.Concat(Enumerable.Repeat("backend ", 5_000))).Length);
        Assert.Equal(384, _model.Embedder.Embed("").Length);
    }

    [Fact]
    public void The_unpacked_model_is_reused_by_the_next_load()
    {
        var written = File.GetLastWriteTimeUtc(_model.Bundle.ModelPath);

        var again = ModelBundle.Unpack(ModelBundle.DefaultBundlePath, _model.CacheDirectory);

        Assert.Equal(_model.Bundle.ModelPath, again.ModelPath);
        Assert.Equal(written, File.GetLastWriteTimeUtc(again.ModelPath));
    }

    [Fact]
    public async Task Hosts_in_one_process_can_unpack_the_model_at_the_same_time()
    {
        // A CI failure: two dashboard test hosts started together on a cold cache, one of them lost the race for the
        // shared partial file and came up without the model.
        var cache = Directory.CreateTempSubdirectory("mentorbot-unpack-").FullName;
        try
        {
            using var start = new Barrier(4);
            var unpacks = Enumerable.Range(0, 4).Select(_ => Task.Factory.StartNew(
                () =>
                {
                    start.SignalAndWait();
                    return ModelBundle.Unpack(ModelBundle.DefaultBundlePath, cache);
                },
                TaskCreationOptions.LongRunning)).ToArray();

            var bundles = await Task.WhenAll(unpacks);

            Assert.Single(bundles.Select(b => b.ModelPath).Distinct());
            Assert.Equal(new FileInfo(_model.Bundle.ModelPath).Length, new FileInfo(bundles[0].ModelPath).Length);
            Assert.Empty(Directory.GetFiles(cache, "*.partial", SearchOption.AllDirectories));
        }
        finally
        {
            Directory.Delete(cache, recursive: true);
        }
    }

    [Fact]
    public void A_missing_model_leaves_lexical_matching_with_one_warning()
    {
        var logger = new CountingLogger();

        var (embedder, cache) = SemanticModelLoader.Load(
            new SemanticFaqOptions { CacheDirectory = _model.CacheDirectory }, logger, bundlePath: Path.Combine(_model.CacheDirectory, "no-such.bundle"));

        Assert.Null(embedder);
        Assert.Null(cache);
        Assert.Equal(1, logger.Warnings);
    }

    [Fact]
    public void Switched_off_the_model_is_not_loaded()
    {
        var (embedder, _) = SemanticModelLoader.Load(new SemanticFaqOptions { Enabled = false }, NullLogger.Instance);

        Assert.Null(embedder);
    }

    [Fact]
    public void The_phrasing_cache_survives_a_restart_and_drops_what_is_gone()
    {
        var file = Path.Combine(_model.CacheDirectory, $"cache-{Guid.NewGuid():N}.bin");
        var first = new FileEmbeddingCache(file);
        first.ReplaceAll(new Dictionary<string, float[]> { [EmbeddingKey.Of("m", "a")] = [1, 2], [EmbeddingKey.Of("m", "b")] = [3, 4] });
        first.ReplaceAll(new Dictionary<string, float[]> { [EmbeddingKey.Of("m", "a")] = [1, 2] });

        var reopened = new FileEmbeddingCache(file);

        Assert.Equal(1, reopened.Count);
        Assert.Equal([1f, 2f], reopened.Find(EmbeddingKey.Of("m", "a"))!);
        Assert.Null(reopened.Find(EmbeddingKey.Of("m", "b")));
    }

    [Fact]
    public void A_damaged_phrasing_cache_is_ignored()
    {
        var file = Path.Combine(_model.CacheDirectory, $"damaged-{Guid.NewGuid():N}.bin");
        File.WriteAllBytes(file, [0x31, 0x45, 0x42, 0x4D, 1, 0, 0, 0, 9, 0, 0, 0, 1, 2, 3]);

        Assert.Equal(0, new FileEmbeddingCache(file).Count);
    }

    private static double Dot(float[] a, float[] b)
    {
        var sum = 0.0;
        for (var i = 0; i < a.Length; i++)
            sum += a[i] * b[i];
        return sum;
    }

    public sealed class Model : IDisposable
    {
        public Model()
        {
            CacheDirectory = Directory.CreateTempSubdirectory("mentorbot-model-").FullName;
            Bundle = ModelBundle.Unpack(ModelBundle.DefaultBundlePath, CacheDirectory);
            Embedder = new OnnxTextEmbedder(Bundle, 256);
        }

        public string CacheDirectory { get; }

        public ModelBundle Bundle { get; }

        public OnnxTextEmbedder Embedder { get; }

        public void Dispose()
        {
            Embedder.Dispose();
            Directory.Delete(CacheDirectory, recursive: true);
        }
    }

    private sealed class CountingLogger : ILogger
    {
        public int Warnings { get; private set; }

        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (logLevel == LogLevel.Warning)
                Warnings++;
        }
    }
}
