using BenchmarkDotNet.Attributes;
using MentorBot.Core.Faq;
using MentorBot.Core.Knowledge;

namespace MentorBot.Benchmarks;

/// <summary>
/// BenchmarkDotNet view of the same FAQ workload (<c>-- bdn</c>): one operation asks the whole query set once,
/// reported per question through <see cref="BenchmarkAttribute.OperationsPerInvoke"/>.
/// </summary>
[MemoryDiagnoser]
public class BdnFaqBenchmarks
{
    private FaqService _faq = null!;
    private Dictionary<string, string> _baseline = null!;
    private string[] _queries = null!;

    [Params("shipped", "synthetic-10000")]
    public string Corpus { get; set; } = "shipped";

    [GlobalSetup]
    public void Setup()
    {
        var load = KnowledgeLoader.Load(RepoPaths.FindKnowledge());
        var shipped = load.Knowledge ?? throw new InvalidOperationException("The shipped knowledge is invalid.");
        var knowledge = Corpus == "shipped" ? shipped : SyntheticKnowledge.Generate(shipped, FaqLatencyBenchmark.SyntheticEntries);
        _faq = new FaqService(new StaticKnowledgeProvider(knowledge));
        _faq.Ask(" ");
        _queries = [.. Queries.All];
        _baseline = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var entry in knowledge.Faq)
        {
            foreach (var q in entry.Questions)
                _baseline.TryAdd(q.ToLowerInvariant(), entry.Id);
        }
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = 40)]
    public int DictionaryLookup()
    {
        var hits = 0;
        foreach (var q in _queries)
            hits += _baseline.TryGetValue(q.ToLowerInvariant(), out _) ? 1 : 0;
        return hits;
    }

    [Benchmark(OperationsPerInvoke = 40)]
    public int Ask()
    {
        var answered = 0;
        foreach (var q in _queries)
            answered += _faq.Ask(q).Answered ? 1 : 0;
        return answered;
    }
}
