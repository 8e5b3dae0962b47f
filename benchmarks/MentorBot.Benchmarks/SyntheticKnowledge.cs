using System.Text;
using MentorBot.Core.Knowledge;

namespace MentorBot.Benchmarks;

/// <summary>
/// A deterministic, seeded knowledge base of many entries built from the shipped entries' vocabulary plus invented
/// words, with the shipped lexicon and roadmap, for measuring how the FAQ engine scales with entry count.
/// </summary>
internal static class SyntheticKnowledge
{
    public const int Seed = 20_251_123;
    private const int InventedWords = 3_000;
    private const int QuestionsPerEntry = 8;

    public static KnowledgeBase Generate(KnowledgeBase shipped, int entries)
    {
        var random = new Random(Seed);
        var shippedWords = ShippedVocabulary(shipped);
        var invented = new string[InventedWords];
        for (var i = 0; i < invented.Length; i++)
            invented[i] = InventWord(random);

        // Two thirds real words, one third invented, so entries overlap like real ones do but still differ.
        string Word() => random.Next(3) < 2 ? shippedWords[random.Next(shippedWords.Length)] : invented[random.Next(invented.Length)];

        var faq = new FaqEntry[entries];
        for (var e = 0; e < entries; e++)
        {
            var id = $"syn-{e:D5}";
            var title = Sentence(random, Word, 5, 9, KnowledgeLimits.Title, "?");
            var questions = new string[QuestionsPerEntry];
            for (var q = 0; q < questions.Length; q++)
                questions[q] = Sentence(random, Word, 3, 10, KnowledgeLimits.Question, random.Next(2) == 0 ? "?" : "");
            var tags = new string[random.Next(3, 7)];
            for (var t = 0; t < tags.Length; t++)
                tags[t] = Word();
            faq[e] = new FaqEntry(id, title, questions, tags, [], [], Body(random, Word), $"synthetic/{id}.md");
        }

        return new KnowledgeBase(faq, shipped.Roadmap, shipped.Lexicon);
    }

    private static string[] ShippedVocabulary(KnowledgeBase shipped)
    {
        var words = new HashSet<string>(StringComparer.Ordinal);
        foreach (var entry in shipped.Faq)
        {
            foreach (var text in entry.Questions.Concat(entry.Tags).Append(entry.Title).Append(entry.Answer))
            {
                foreach (var word in text.Split(Separators, StringSplitOptions.RemoveEmptyEntries))
                {
                    var lower = word.ToLowerInvariant();
                    if (lower.Length >= 2 && lower.All(char.IsLetter))
                        words.Add(lower);
                }
            }
        }

        return words.Order(StringComparer.Ordinal).ToArray();
    }

    private static readonly char[] Separators = [.. " \t\r\n.,;:!?()[]{}\"'`*_/\\|<>=+-–—…#&%$@~^0123456789"];

    private static string InventWord(Random random)
    {
        const string consonants = "bcdfghjklmnprstvwz";
        const string vowels = "aeiou";
        var length = random.Next(4, 11);
        var builder = new StringBuilder(length);
        for (var i = 0; i < length; i++)
            builder.Append(i % 2 == 0 ? consonants[random.Next(consonants.Length)] : vowels[random.Next(vowels.Length)]);
        return builder.ToString();
    }

    private static string Sentence(Random random, Func<string> word, int minWords, int maxWords, int maxLength, string end)
    {
        var builder = new StringBuilder();
        var count = random.Next(minWords, maxWords + 1);
        for (var i = 0; i < count; i++)
        {
            var next = word();
            if (builder.Length + next.Length + 1 + end.Length > maxLength)
                break;
            if (builder.Length > 0)
                builder.Append(' ');
            builder.Append(next);
        }

        builder[0] = char.ToUpperInvariant(builder[0]);
        return builder.Append(end).ToString();
    }

    private static string Body(Random random, Func<string> word)
    {
        var target = random.Next(600, 1501);
        var builder = new StringBuilder(target + 16);
        while (builder.Length < target)
        {
            var sentence = Sentence(random, word, 6, 16, 200, ".");
            if (builder.Length + sentence.Length + 1 > 1500)
                break;
            if (builder.Length > 0)
                builder.Append(random.Next(5) == 0 ? "\n\n" : " ");
            builder.Append(sentence);
        }

        return builder.ToString();
    }
}
