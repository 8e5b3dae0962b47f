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
        var chunk = quick ? 100 : 250;
        var knowledge = LoadShipped();

        output.WriteLine("## Check-ins per second");
        output.WriteLine();

        using var temp = new TempFolder("checkins");

        // Warm-up on a throwaway database so JIT and first-use costs stay out of the measured runs.
        await using (var warmup = new CommandPathRun(knowledge, temp.File("warmup.db"), workers: 1))
        {
            await warmup.RunChunkAsync(0, quick ? 200 : 500).ConfigureAwait(false);
            await warmup.RunChunkAsync(0, 50).ConfigureAwait(false);
        }

        using (var warmupRaw = new RawRun(temp.File("warmup-raw.db")))
            warmupRaw.RunChunk(0, 200);

        // The three runs advance in interleaved chunks of learners, so disk and CPU noise on a shared machine falls
        // on all of them alike and the ratios stay meaningful even when the absolute figures move.
        RunResult raw, sequential, parallel;
        using (var rawRun = new RawRun(temp.File("raw.db")))
        {
            var sequentialRun = new CommandPathRun(knowledge, temp.File("full-1.db"), workers: 1);
            var parallelRun = new CommandPathRun(knowledge, temp.File("full-2.db"), workers: 2);
            await using (sequentialRun.ConfigureAwait(false))
            await using (parallelRun.ConfigureAwait(false))
            {
                for (var from = 0; from < learners; from += chunk)
                {
                    var to = Math.Min(learners, from + chunk);
                    rawRun.RunChunk(from, to);
                    await sequentialRun.RunChunkAsync(from, to).ConfigureAwait(false);
                    await parallelRun.RunChunkAsync(from, to).ConfigureAwait(false);
                }

                raw = rawRun.Verify(learners);
                sequential = await sequentialRun.VerifyAsync(learners).ConfigureAwait(false);
                parallel = await parallelRun.VerifyAsync(learners).ConfigureAwait(false);
            }
        }

        output.WriteLine($"{learners:N0} distinct learners, one `checkin` each; every run has its own fresh LiteDB file (direct connection) " +
            $"under `{Path.GetTempPath()}`; the runs advance in interleaved chunks of {chunk}. Processors: {Environment.ProcessorCount}.");
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

    /// <summary>The full command path over one container and database; timed only inside <see cref="RunChunkAsync"/>.</summary>
    private sealed class CommandPathRun : IAsyncDisposable
    {
        private readonly ServiceProvider _provider;
        private readonly ICommandDispatcher _dispatcher;
        private readonly int _workers;
        private long _elapsed;
        private int _failures;

        public CommandPathRun(KnowledgeBase knowledge, string databasePath, int workers)
        {
            _provider = BuildContainer(knowledge, databasePath);
            _dispatcher = _provider.GetRequiredService<ICommandDispatcher>();
            _workers = workers;
        }

        public async Task RunChunkAsync(int from, int to)
        {
            var next = from - 1;

            async Task Worker()
            {
                int i;
                while ((i = Interlocked.Increment(ref next)) < to)
                {
                    var reply = await _dispatcher.DispatchAsync(Checkin(i)).ConfigureAwait(false);
                    if (reply.Kind != ReplyKind.Success)
                        Interlocked.Increment(ref _failures);
                }
            }

            var start = Stopwatch.GetTimestamp();
            if (_workers == 1)
                await Worker().ConfigureAwait(false);
            else
                await Task.WhenAll(Enumerable.Range(0, _workers).Select(_ => Task.Run(Worker))).ConfigureAwait(false);
            _elapsed += Stopwatch.GetTimestamp() - start;
        }

        /// <summary>Every learner must have exactly one check-in and every reply must have been a success.</summary>
        public async Task<RunResult> VerifyAsync(int learners)
        {
            var activity = _provider.GetRequiredService<IActivityStore>();
            var stored = 0;
            var wrong = 0;
            for (var i = 0; i < learners; i++)
            {
                var count = (await activity.ListCheckinsAsync(new LearnerId(Platform, i.ToString(CultureInfo.InvariantCulture))).ConfigureAwait(false)).Count;
                stored += count;
                if (count != 1)
                    wrong++;
            }

            var ok = _failures == 0 && wrong == 0 && stored == learners;
            var verification = ok
                ? $"{Fmt.N(stored)} = N ✔"
                : $"MISMATCH: {Fmt.N(stored)} stored, {wrong} learners ≠ 1, {_failures} non-success replies";
            return new RunResult(_workers, learners, Stats.TicksToMs(_elapsed), ok, verification);
        }

        public ValueTask DisposeAsync() => _provider.DisposeAsync();
    }

    /// <summary>Raw LiteDB upserts of check-in-shaped documents, the floor the command path is compared with.</summary>
    private sealed class RawRun : IDisposable
    {
        private readonly LiteDatabase _database;
        private readonly ILiteCollection<BsonDocument> _collection;
        private readonly string _date = DateOnly.FromDateTime(TimeProvider.System.GetUtcNow().UtcDateTime).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        private long _elapsed;

        public RawRun(string databasePath)
        {
            _database = new LiteDatabase(new ConnectionString { Filename = databasePath, Connection = ConnectionType.Direct });
            _collection = _database.GetCollection("checkins");
            _collection.EnsureIndex("learner");
        }

        public void RunChunk(int from, int to)
        {
            var start = Stopwatch.GetTimestamp();
            for (var i = from; i < to; i++)
            {
                var learner = $"{Platform}:{i.ToString(CultureInfo.InvariantCulture)}";
                _collection.Upsert(new BsonDocument
                {
                    ["_id"] = $"{learner}|{_date}",
                    ["learner"] = learner,
                    ["date"] = _date,
                    ["at"] = TimeProvider.System.GetUtcNow().UtcTicks,
                });
            }

            _elapsed += Stopwatch.GetTimestamp() - start;
        }

        public RunResult Verify(int count)
        {
            var stored = _collection.Count();
            var ok = stored == count;
            return new RunResult(1, count, Stats.TicksToMs(_elapsed), ok, ok ? $"{Fmt.N(stored)} = N ✔" : $"MISMATCH: {Fmt.N(stored)} stored");
        }

        public void Dispose() => _database.Dispose();
    }

    private sealed record RunResult(int Workers, int Count, double ElapsedMs, bool Ok, string Verification)
    {
        public double PerSecond => Count / (ElapsedMs / 1000.0);
    }
}
