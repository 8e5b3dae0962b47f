using MentorBot.Core.Faq.Semantic;

namespace MentorBot.Faq.Semantic.Tests;

/// <summary>
/// The phrasing cache is shared by every host that points at the same folder (tests run several hosts in one
/// process; a machine may run two), and it is only a cache: writing it must never fail a host's start.
/// </summary>
public sealed class FileEmbeddingCacheTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("mentorbot-cache-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public async Task Two_caches_on_one_file_rewriting_it_at_once_neither_fail_nor_leave_a_damaged_file()
    {
        var file = Path.Combine(_folder, "faq-embeddings.bin");
        var one = new Dictionary<string, float[]> { [EmbeddingKey.Of("m", "a")] = [1, 2] };
        var two = new Dictionary<string, float[]> { [EmbeddingKey.Of("m", "b")] = [3, 4], [EmbeddingKey.Of("m", "c")] = [5, 6] };
        var first = new FileEmbeddingCache(file);
        var second = new FileEmbeddingCache(file);

        await Task.WhenAll(
            Task.Run(() => Rewrite(first, one, two)),
            Task.Run(() => Rewrite(second, two, one)));

        var reopened = new FileEmbeddingCache(file);
        Assert.True(reopened.Count is 1 or 2);
        Assert.Empty(Directory.EnumerateFiles(_folder, "*.partial"));
    }

    [Fact]
    public void A_cache_that_cannot_be_written_keeps_its_entries_in_memory_and_does_not_throw()
    {
        File.WriteAllText(Path.Combine(_folder, "taken"), "a file where the cache folder should be");
        var cache = new FileEmbeddingCache(Path.Combine(_folder, "taken", "faq-embeddings.bin"));

        cache.ReplaceAll(new Dictionary<string, float[]> { [EmbeddingKey.Of("m", "a")] = [1, 2] });

        Assert.Equal([1f, 2f], cache.Find(EmbeddingKey.Of("m", "a"))!);
    }

    private static void Rewrite(FileEmbeddingCache cache, Dictionary<string, float[]> a, Dictionary<string, float[]> b)
    {
        for (var i = 0; i < 2000; i++)
            cache.ReplaceAll(i % 2 == 0 ? a : b);
    }
}
