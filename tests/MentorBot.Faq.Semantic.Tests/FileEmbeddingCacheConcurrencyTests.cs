using MentorBot.Core.Faq.Semantic;
using MentorBot.Faq.Semantic;

namespace MentorBot.Faq.Semantic.Tests;

/// <summary>
/// Several hosts in one process (the dashboard and host tests start many) share <c>data/cache</c>: their caches of
/// one file must be able to rewrite it at the same time, since a cache write happens inside the FAQ's snapshot build
/// and a failure there fails the question being asked.
/// </summary>
public sealed class FileEmbeddingCacheConcurrencyTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("mentorbot-cache-").FullName;

    [Fact]
    public async Task Two_caches_of_one_file_rewriting_it_at_once_neither_fails_and_the_file_stays_whole()
    {
        var file = Path.Combine(_folder, "faq-embeddings.bin");
        var small = new Dictionary<string, float[]> { [EmbeddingKey.Of("m", "a")] = Vector(1) };
        var large = new Dictionary<string, float[]>(small) { [EmbeddingKey.Of("m", "b")] = Vector(2) };
        var caches = new[] { new FileEmbeddingCache(file), new FileEmbeddingCache(file) };

        // Each call differs from the cache's last contents, so each one writes the file.
        var writers = caches.Select(cache => Task.Run(() =>
        {
            for (var i = 0; i < 1000; i++)
                cache.ReplaceAll(i % 2 == 0 ? large : small);
        }));
        await Task.WhenAll(writers);

        var reopened = new FileEmbeddingCache(file);
        Assert.Equal(1, reopened.Count);
        Assert.Equal(Vector(1), reopened.Find(EmbeddingKey.Of("m", "a"))!);
        Assert.Empty(Directory.GetFiles(_folder, "*.partial"));
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private static float[] Vector(float seed) => [.. Enumerable.Range(0, 384).Select(d => seed + (d / 1000f))];
}
