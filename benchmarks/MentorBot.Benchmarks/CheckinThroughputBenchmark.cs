using System.Diagnostics;
using System.Globalization;
using LiteDB;
using MentorBot.Core;
using MentorBot.Core.Commands;
using MentorBot.Core.Faq;
using MentorBot.Core.Identity;
using MentorBot.Core.Knowledge;
using MentorBot.Core.Storage;
using MentorBot.Storage.LiteDb;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace MentorBot.Benchmarks;

/// <summary>
/// Check-ins per second through the whole command path (dispatcher, handler, services, LiteDB stores) against raw
/// LiteDB upserts of equivalent documents, plus the command path with two parallel workers, verified by count.
/// </summary>
internal static class CheckinThroughputBenchmark
{
    private const string Platform = "bench";
    private static readonly CommunityId Community = new("bench", "c");

    public static async Task RunAsync(bool quick, TextWriter output)
    {
        var learners = quick ? 1_000 : 5_000;
        var knowledge = LoadShipped();

        output.WriteLine("## Check-ins per second");
        output.WriteLine();

        using var temp = new TempFolder("checkins");

        // Warm-up on a throwaway database so JIT and first-use costs stay out of the measured runs.
        await RunCommandPathAsync(knowledge, temp.File("warmup.db"), quick ? 200 : 500, workers: 1).ConfigureAwait(false);

        var sequential = await RunCommandPathAsync(knowledge, temp.File("full-1.db"), learners, workers: 1).ConfigureAwait(false);
        var raw = RunRawLiteDb(temp.File("raw.db"), learners);
        var parallel = await RunCommandPathAsync(knowledge, temp.File("full-2.db"), learners, workers: 2).ConfigureAwait(false);

        output.WriteLine($"{learners:N0} distinct learners, one `checkin` each, every run on a fresh temp LiteDB file (direct connection). " +
            $"Processors: {Environment.ProcessorCount}.");
        output.WriteLine("Full path: `ICommandDispatcher.DispatchAsync(checkin)` in a DI container with `AddMentorBotCore()` + `AddLiteDbStorage` " +
            "(learner get/create, check-in insert, history replay, streak summary upsert). " +
            "Raw: `ILiteCollection<BsonDocument>.Upsert` of `{ _id: \"learner|date\", learner, date, at }` with an index on `learner`.");
        output.WriteLine();
        output.WriteLine("| Run | Workers | Check-ins | Elapsed | Check-ins/s | vs raw LiteDB | Verified in store |");
        output.WriteLine("|---|---:|---:|---:|---:|---:|---|");
        output.WriteLine($"| Raw LiteDB upsert (baseline) | 1 | {Fmt.N(raw.Count)} | {Fmt.Ms(raw.ElapsedMs)} | {Fmt.N(raw.PerSecond)} | 1.0× | {raw.Verification} |");
        foreach (var run in new[] { sequential, parallel })
        {
            output.WriteLine(
                $"| Full command path | {run.Workers} | {Fmt.N(run.Count)} | {Fmt.Ms(run.ElapsedMs)} | {Fmt.N(run.PerSecond)} | " +
                $"{Fmt.Ratio(run.PerSecond / raw.PerSecond)} | {run.Verification} |");
        }

        output.WriteLine();
        output.WriteLine($"Ratio full/raw (1 worker): {Fmt.Ratio(sequential.PerSecond / raw.PerSecond)} " +
            $"(raw is {Fmt.Ratio(raw.PerSecond / sequential.PerSecond)} faster); 2 workers vs 1: {Fmt.Ratio(parallel.PerSecond / sequential.PerSecond)}.");
        output.WriteLine();

        if (!sequential.Ok || !parallel.Ok || !raw.Ok)
            throw new InvalidOperationException("A check-in run did not verify: see the table.");
    }

    private static KnowledgeBase LoadShipped()
    {
        var root = RepoPaths.FindKnowledge();
        var load = KnowledgeLoader.Load(root);
        return load.IsValid ? load.Knowledge! : throw new InvalidOperationException($"The shipped knowledge at {root} is invalid.");
    }

    private static ServiceProvider BuildContainer(KnowledgeBase knowledge, string databasePath)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Storage:DatabasePath"] = databasePath })
            .Build();
        var services = new ServiceCollection();
        services.AddSingleton<IKnowledgeProvider>(new StaticKnowledgeProvider(knowledge));
        services.AddSingleton<IFaqService, FaqService>();
        services.AddMentorBotCore();
        services.AddLiteDbStorage(configuration);
        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
    }

    private static CommandRequest Checkin(int i) => new(
        "checkin",
        new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase),
        new Actor(new LearnerId(Platform, i.ToString(CultureInfo.InvariantCulture)), $"Learner {i}", false),
        Community);

    private static async Task<RunResult> RunCommandPathAsync(KnowledgeBase knowledge, string databasePath, int learners, int workers)
    {
        var provider = BuildContainer(knowledge, databasePath);
        await using (provider.ConfigureAwait(false))
        {
            var dispatcher = provider.GetRequiredService<ICommandDispatcher>();
            var activity = provider.GetRequiredService<IActivityStore>();
            var failures = 0;
            var next = -1;

            async Task Worker()
            {
                int i;
                while ((i = Interlocked.Increment(ref next)) < learners)
                {
                    var reply = await dispatcher.DispatchAsync(Checkin(i)).ConfigureAwait(false);
                    if (reply.Kind != ReplyKind.Success)
                        Interlocked.Increment(ref failures);
                }
            }

            var start = Stopwatch.GetTimestamp();
            await Task.WhenAll(Enumerable.Range(0, workers).Select(_ => Task.Run(Worker))).ConfigureAwait(false);
            var elapsed = Stopwatch.GetTimestamp() - start;

            // Every learner must have exactly one check-in, and nobody else any.
            var stored = 0;
            var wrong = 0;
            for (var i = 0; i < learners; i++)
            {
                var count = (await activity.ListCheckinsAsync(new LearnerId(Platform, i.ToString(CultureInfo.InvariantCulture))).ConfigureAwait(false)).Count;
                stored += count;
                if (count != 1)
                    wrong++;
            }

            var ok = failures == 0 && wrong == 0 && stored == learners;
            var verification = ok
                ? $"{Fmt.N(stored)} = N ✔"
                : $"MISMATCH: {Fmt.N(stored)} stored, {wrong} learners ≠ 1, {failures} non-success replies";
            return new RunResult(workers, learners, Stats.TicksToMs(elapsed), ok, verification);
        }
    }

    private static RunResult RunRawLiteDb(string databasePath, int count)
    {
        var date = DateOnly.FromDateTime(TimeProvider.System.GetUtcNow().UtcDateTime).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        long elapsed;
        int stored;
        using (var database = new LiteDatabase(new ConnectionString { Filename = databasePath, Connection = ConnectionType.Direct }))
        {
            var collection = database.GetCollection("checkins");
            collection.EnsureIndex("learner");
            var start = Stopwatch.GetTimestamp();
            for (var i = 0; i < count; i++)
            {
                var learner = $"{Platform}:{i.ToString(CultureInfo.InvariantCulture)}";
                collection.Upsert(new BsonDocument
                {
                    ["_id"] = $"{learner}|{date}",
                    ["learner"] = learner,
                    ["date"] = date,
                    ["at"] = TimeProvider.System.GetUtcNow().UtcTicks,
                });
            }

            elapsed = Stopwatch.GetTimestamp() - start;
            stored = collection.Count();
        }

        var ok = stored == count;
        return new RunResult(1, count, Stats.TicksToMs(elapsed), ok, ok ? $"{Fmt.N(stored)} = N ✔" : $"MISMATCH: {Fmt.N(stored)} stored");
    }

    private sealed record RunResult(int Workers, int Count, double ElapsedMs, bool Ok, string Verification)
    {
        public double PerSecond => Count / (ElapsedMs / 1000.0);
    }
}
