using Lucene.Net.Tartarus.Snowball.Ext;

namespace MentorBot.Core.Faq;

/// <summary>
/// Porter2 (Snowball English) stemming from Lucene.NET, the maintained implementation of the algorithm, so that
/// "databases", "database" and "deploying", "deployment" meet. Snowball stemmers keep state, hence one per thread.
/// </summary>
internal static class WordStemmer
{
    private static readonly ThreadLocal<EnglishStemmer> Stemmer = new(() => new EnglishStemmer());

    public static string Stem(string word)
    {
        if (word.Length < 3 || char.IsDigit(word[0]))
            return word;
        var stemmer = Stemmer.Value!;
        stemmer.SetCurrent(word);
        stemmer.Stem();
        return stemmer.Current;
    }
}
