using Lucene.Net.Tartarus.Snowball.Ext;

namespace MentorBot.Core.Faq;

/// <summary>
/// Porter2 (Snowball English) stemming from Lucene.NET, the maintained implementation of the algorithm, so that
/// "databases", "database" and "deploying", "deployment" meet. Snowball stemmers keep state, hence one per thread.
/// </summary>
internal static class WordStemmer
{
    private const int CacheLimit = 100_000;
    private static readonly ThreadLocal<EnglishStemmer> Stemmer = new(() => new EnglishStemmer());

    // Knowledge text repeats the same few thousand words; the cache makes index builds and questions cheap.
    // It stops growing at a bound so that arbitrary user input cannot grow it without limit.
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, string> Cache = new(StringComparer.Ordinal);

    public static string Stem(string word)
    {
        if (word.Length < 3 || char.IsDigit(word[0]))
            return word;
        if (Cache.TryGetValue(word, out var cached))
            return cached;
        var stemmer = Stemmer.Value!;
        stemmer.SetCurrent(word);
        stemmer.Stem();
        var stem = stemmer.Current;
        if (Cache.Count < CacheLimit)
            Cache.TryAdd(word, stem);
        return stem;
    }
}
