using System.Diagnostics;
using MentorBot.Core.Faq;
using MentorBot.Core.Knowledge;

namespace MentorBot.Benchmarks;

/// <summary>
/// Per-question latency of <see cref="IFaqService.Ask"/> on the shipped knowledge and on a synthetic 10,000-entry
/// base, each call timed on its own, next to a baseline timed the same way in the same run.
/// </summary>
internal static class FaqLatencyBenchmark
{
    public const int SyntheticEntries = 10_000;

    public static void Run(bool quick, TextWriter output)
    {
        output.WriteLine("## FAQ latency");
        output.WriteLine();

        var loadStart = Stopwatch.GetTimestamp();
        var knowledgeRoot = RepoPaths.FindKnowledge();
        var load = KnowledgeLoader.Load(knowledgeRoot);
        if (!load.IsValid)
            throw new InvalidOperationException($"The shipped knowledge at {knowledgeRoot} is invalid: {string.Join("; ", load.Problems)}");
        var shipped = load.Knowledge!;
        var loadMs = Stats.TicksToMs(Stopwatch.GetTimestamp() - loadStart);

        var genStart = Stopwatch.GetTimestamp();
        var synthetic = SyntheticKnowledge.Generate(shipped, SyntheticEntries);
        var genMs = Stats.TicksToMs(Stopwatch.GetTimestamp() - genStart);

        var queries = Queries.All;
        var shippedResult = Measure("shipped", shipped, queries, quick ? 50 : 200, quick ? 5 : 10, buildRepeats: quick ? 3 : 5);
        var syntheticResult = Measure($"synthetic {SyntheticEntries:N0}", synthetic, queries, quick ? 25 : 100, quick ? 2 : 3, buildRepeats: quick ? 2 : 3);

        output.WriteLine($"Knowledge: `{knowledgeRoot}` ({shipped.Faq.Count} entries, loaded and validated in {Fmt.Ms(loadMs)}); " +
            $"synthetic base: {SyntheticEntries:N0} entries × 8 questions, seed {SyntheticKnowledge.Seed}, generated in {Fmt.Ms(genMs)}.");
        output.WriteLine($"Query set: {queries.Count} fixed questions (in-scope, misspelt, terse, off-topic). " +
            "Each `Ask` is timed on its own with `Stopwatch.GetTimestamp()` after warm-up.");
        output.WriteLine("Baseline: a `Dictionary<string,string>` lookup of `question.ToLowerInvariant()` over the same questions, timed the same way " +
            "(so it is mostly timer overhead plus one lowercase copy and hash).");
        output.WriteLine();
        output.WriteLine("| Knowledge base | Entries | Calls | Median | p99 | Mean | Max | Baseline median | Median ÷ baseline | Target (median) | Answered |");
        output.WriteLine("|---|---:|---:|---:|---:|---:|---:|---:|---:|---|---:|");
        Row(output, shippedResult, 50);
        Row(output, syntheticResult, 2000);
        output.WriteLine();
        output.WriteLine("Median per kind of question:");
        output.WriteLine();
        output.WriteLine("| Knowledge base | in-scope (24) | misspelt/terse (8) | off-topic (8) |");
        output.WriteLine("|---|---:|---:|---:|");
        foreach (var r in new[] { shippedResult, syntheticResult })
            output.WriteLine($"| {r.Name} | {Fmt.Us(r.ByKind["in-scope"].MedianUs)} | {Fmt.Us(r.ByKind["misspelt/terse"].MedianUs)} | {Fmt.Us(r.ByKind["off-topic"].MedianUs)} |");
        output.WriteLine();
        output.WriteLine("| Knowledge base | Index build (first, incl. JIT) | Index build (median of later builds) | Later builds |");
        output.WriteLine("|---|---:|---:|---:|");
        foreach (var r in new[] { shippedResult, syntheticResult })
            output.WriteLine($"| {r.Name} | {Fmt.Ms(r.FirstBuildMs)} | {Fmt.Ms(r.MedianBuildMs)} | {Math.Max(1, r.BuildRepeats - 1)} |");
        output.WriteLine();
    }

    private static void Row(TextWriter output, Result r, double targetUs)
    {
        var ratio = r.Baseline.MedianUs > 0 ? r.Ask.MedianUs / r.Baseline.MedianUs : double.NaN;
        var verdict = r.Ask.MedianUs < targetUs ? "met" : "MISSED";
        output.WriteLine(
            $"| {r.Name} | {Fmt.N(r.Entries)} | {Fmt.N(r.Ask.Count)} | {Fmt.Us(r.Ask.MedianUs)} | {Fmt.Us(r.Ask.P99Us)} | {Fmt.Us(r.Ask.MeanUs)} | " +
            $"{Fmt.Us(r.Ask.MaxUs)} | {Fmt.Us(r.Baseline.MedianUs)} | {Fmt.Ratio(ratio)} | < {Fmt.Us(targetUs)}: {verdict} | {r.Answered}/{r.Questions} |");
    }

    private static Result Measure(string name, KnowledgeBase knowledge, IReadOnlyList<string> queries, int rounds, int warmupRounds, int buildRepeats)
    {
        // Index build: FaqService builds its index on the first Ask; a blank question returns right after building it.
        var builds = new long[buildRepeats];
        FaqService faq = null!;
        for (var i = 0; i < buildRepeats; i++)
        {
            var service = new FaqService(new StaticKnowledgeProvider(knowledge));
            var start = Stopwatch.GetTimestamp();
            service.Ask(" ");
            builds[i] = Stopwatch.GetTimestamp() - start;
            faq = service;
        }

        var answered = 0;
        foreach (var q in queries)
        {
            if (faq.Ask(q).Answered)
                answered++;
        }

        for (var w = 0; w < warmupRounds; w++)
        {
            foreach (var q in queries)
                faq.Ask(q);
        }

        var baselineMap = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var entry in knowledge.Faq)
        {
            foreach (var q in entry.Questions)
                baselineMap.TryAdd(q.ToLowerInvariant(), entry.Id);
        }

        var sink = 0;
        for (var w = 0; w < 1000; w++)
        {
            foreach (var q in queries)
                sink += baselineMap.TryGetValue(q.ToLowerInvariant(), out _) ? 1 : 0;
        }

        var askTicks = new long[rounds * queries.Count];
        var baseTicks = new long[rounds * queries.Count];
        var n = 0;
        GC.Collect();
        GC.WaitForPendingFinalizers();
        for (var round = 0; round < rounds; round++)
        {
            // Interleave Ask and baseline so both see the same machine noise.
            foreach (var q in queries)
            {
                var t0 = Stopwatch.GetTimestamp();
                var result = faq.Ask(q);
                var t1 = Stopwatch.GetTimestamp();
                sink += result.Answered ? 1 : 0;
                var t2 = Stopwatch.GetTimestamp();
                var hit = baselineMap.TryGetValue(q.ToLowerInvariant(), out _);
                var t3 = Stopwatch.GetTimestamp();
                sink += hit ? 1 : 0;
                askTicks[n] = t1 - t0;
                baseTicks[n] = t3 - t2;
                n++;
            }
        }

        GC.KeepAlive(sink);
        var byKind = Enumerable.Range(0, askTicks.Length)
            .GroupBy(k => Queries.KindOf(k % queries.Count))
            .ToDictionary(g => g.Key, g => Stats.From(g.Select(k => askTicks[k]).ToArray()), StringComparer.Ordinal);
        var sortedBuilds = builds.Skip(1).DefaultIfEmpty(builds[0]).Order().ToArray();
        return new Result(
            name,
            knowledge.Faq.Count,
            Stats.From(askTicks),
            Stats.From(baseTicks),
            Stats.TicksToMs(builds[0]),
            Stats.TicksToMs(sortedBuilds[sortedBuilds.Length / 2]),
            buildRepeats,
            answered,
            queries.Count,
            byKind);
    }

    private sealed record Result(
        string Name,
        int Entries,
        Stats Ask,
        Stats Baseline,
        double FirstBuildMs,
        double MedianBuildMs,
        int BuildRepeats,
        int Answered,
        int Questions,
        IReadOnlyDictionary<string, Stats> ByKind);
}
