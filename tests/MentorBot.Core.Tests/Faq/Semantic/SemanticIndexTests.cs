using MentorBot.Core.Faq.Semantic;
using MentorBot.Core.Knowledge;

namespace MentorBot.Core.Tests.Faq.Semantic;

public sealed class SemanticIndexTests
{
    [Fact]
    public void Several_close_phrasings_outweigh_one_slightly_closer_phrasing()
    {
        // Unit vectors chosen so the question's cosine with each phrasing is the number in its name.
        var embedder = new TableEmbedder(new Dictionary<string, float[]>
        {
            ["question"] = [1, 0, 0],
            ["lone 0.80"] = [0.8f, 0.6f, 0],
            ["unrelated one"] = [0, 0, 1],
            ["unrelated two"] = [0, 1, 0],
            ["close 0.78 a"] = [0.78f, 0.6258f, 0],
            ["close 0.78 b"] = [0.78f, 0, 0.6258f],
            ["close 0.78 c"] = [0.78f, -0.6258f, 0],
        });
        FaqEntry[] entries =
        [
            new("lone", "lone 0.80", ["unrelated one", "unrelated two"], [], ["guide"], [], "A.", "faq/lone.md"),
            new("agreed", "close 0.78 a", ["close 0.78 b", "close 0.78 c"], [], ["guide"], [], "B.", "faq/agreed.md"),
        ];

        var index = SemanticIndex.Build(entries, [], embedder, new MemoryEmbeddingCache());
        var similarities = index.Similarities(embedder.Embed("question"));

        Assert.True(similarities[1] > similarities[0], $"agreed {similarities[1]:0.000} should beat lone {similarities[0]:0.000}");
        Assert.Equal(0.78, similarities[1], 3);
    }

    private sealed class TableEmbedder(Dictionary<string, float[]> table) : ITextEmbedder
    {
        public string ModelId => "table";

        public float[] Embed(string text) => table[text];
    }
}
