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
using MentorBot.Storage.Postgres;
using MentorBot.Testing.Postgres;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using MentorBot.Core.Streaks;

namespace MentorBot.Benchmarks;

/// <summary>
/// Check-ins per second through the whole command path (dispatcher, handler, services, stores) against raw LiteDB
/// upserts of equivalent documents: on LiteDB with one and two workers, and on PostgreSQL (a private server with
/// durable defaults) with one worker, eight workers, and two hosts of four workers each on one database, all verified
/// by count.
/// </summary>
internal static class CheckinThroughputBenchmark
{
    private const string Platform = "bench";

    // The runs, named so the ratios below find theirs whatever the order of the table.
    private const string LiteDb1 = "litedb-1";
    private const string LiteDb2 = "litedb-2";
    private const string Postgres1 = "postgres-1";
    private const string Postgres8 = "postgres-8";
    private const string PostgresTwoHosts = "postgres-2x4";
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
        await using (var warmup = new CommandPathRun([BuildLiteDb(knowledge, temp.File("warmup.db"))], workersPerHost: 1))
        {
            await warmup.RunChunkAsync(0, quick ? 200 : 500).ConfigureAwait(false);
            await warmup.RunChunkAsync(0, 50).ConfigureAwait(false);
        }

        var postgres = await PostgresOrNullAsync(output).ConfigureAwait(false);
        var databases = new List<string>();
        async Task<string> NewDatabaseAsync()
        {
            var name = await postgres!.CreateDatabaseAsync().ConfigureAwait(false);
            databases.Add(name);
            return postgres.ConnectionStringFor(name);
        }

        if (postgres is not null)
        {
            await using var warmup = new CommandPathRun([BuildPostgres(knowledge, await NewDatabaseAsync().ConfigureAwait(false))], workersPerHost: 4);
            await warmup.RunChunkAsync(0, quick ? 200 : 500).ConfigureAwait(false);
        }

        using (var warmupRaw = new RawRun(temp.File("warmup-raw.db")))
            warmupRaw.RunChunk(0, 200);

        // The three runs advance in interleaved chunks of learners, so disk and CPU noise on a shared machine falls
        // on all of them alike and the ratios stay meaningful even when the absolute figures move.
        RunResult raw;
        var runs = new List<(string Key, string Label, CommandPathRun Run)>
        {
            (LiteDb1, "LiteDB, full command path", new CommandPathRun([BuildLiteDb(knowledge, temp.File("full-1.db"))], workersPerHost: 1)),
            (LiteDb2, "LiteDB, full command path", new CommandPathRun([BuildLiteDb(knowledge, temp.File("full-2.db"))], workersPerHost: 2)),
        };
        if (postgres is not null)
        {
            runs.Add((Postgres1, "PostgreSQL, full command path", new CommandPathRun([BuildPostgres(knowledge, await NewDatabaseAsync().ConfigureAwait(false))], workersPerHost: 1)));
            runs.Add((Postgres8, "PostgreSQL, full command path", new CommandPathRun([BuildPostgres(knowledge, await NewDatabaseAsync().ConfigureAwait(false))], workersPerHost: 8)));
            var shared = await NewDatabaseAsync().ConfigureAwait(false);
            runs.Add((PostgresTwoHosts, "PostgreSQL, two hosts on one database", new CommandPathRun([BuildPostgres(knowledge, shared), BuildPostgres(knowledge, shared)], workersPerHost: 4)));
        }

        var results = new List<(string Key, string Label, RunResult Result)>();
        try
        {
            using var rawRun = new RawRun(temp.File("raw.db"));
            for (var from = 0; from < learners; from += chunk)
            {
                var to = Math.Min(learners, from + chunk);
                rawRun.RunChunk(from, to);
                foreach (var (_, _, run) in runs)
                    await run.RunChunkAsync(from, to).ConfigureAwait(false);
            }

            raw = rawRun.Verify(learners);
            foreach (var (key, label, run) in runs)
                results.Add((key, label, await run.VerifyAsync(learners).ConfigureAwait(false)));
        }
        finally
        {
            foreach (var (_, _, run) in runs)
                await run.DisposeAsync().ConfigureAwait(false);
            foreach (var database in databases)
                await postgres!.DropDatabaseAsync(database).ConfigureAwait(false);
        }

        output.WriteLine($"{learners:N0} distinct learners, one `checkin` each; every run has its own fresh LiteDB file (direct connection) " +
            $"under `{Path.GetTempPath()}` or its own PostgreSQL database; the runs advance in interleaved chunks of {chunk}. Processors: {Environment.ProcessorCount}.");
        output.WriteLine("Full path: `ICommandDispatcher.DispatchAsync(checkin)` in a DI container with `AddMentorBotCore()` + `AddLiteDbStorage` " +
            "(learner get/create, check-in insert, history replay, streak summary upsert). " +
            "Raw: `ILiteCollection<BsonDocument>.Upsert` of `{ _id: \"learner|date\", learner, date, at }` with an index on `learner`. " +
            "PostgreSQL: the same path with `AddPostgresStorage`; \"two hosts\" are two containers, each with its own connection pool, on one database, " +
            "the workers of both taking learners from one queue.");
        output.WriteLine();
        output.WriteLine("| Run | Workers | Check-ins | Elapsed | Check-ins/s | vs raw LiteDB | Verified in store |");
        output.WriteLine("|---|---:|---:|---:|---:|---:|---|");
        output.WriteLine($"| Raw LiteDB upsert (baseline) | 1 | {Fmt.N(raw.Count)} | {Fmt.Ms(raw.ElapsedMs)} | {Fmt.N(raw.PerSecond)} | 1.0× | {raw.Verification} |");
        foreach (var (_, label, run) in results)
        {
            output.WriteLine(
                $"| {label} | {run.Workers} | {Fmt.N(run.Count)} | {Fmt.Ms(run.ElapsedMs)} | {Fmt.N(run.PerSecond)} | " +
                $"{Fmt.Ratio(run.PerSecond / raw.PerSecond)} | {run.Verification} |");
        }

        output.WriteLine();
        double Vs(string key) => results.Single(r => r.Key == key).Result.PerSecond / results.Single(r => r.Key == LiteDb1).Result.PerSecond;
        var sequential = results.Single(r => r.Key == LiteDb1).Result;
        output.WriteLine($"Ratio full/raw (LiteDB, 1 worker): {Fmt.Ratio(sequential.PerSecond / raw.PerSecond)} " +
            $"(raw is {Fmt.Ratio(raw.PerSecond / sequential.PerSecond)} faster); LiteDB 2 workers vs 1: {Fmt.Ratio(Vs(LiteDb2))}.");
        if (postgres is not null)
        {
            output.WriteLine($"PostgreSQL vs LiteDB, full path: 1 worker {Fmt.Ratio(Vs(Postgres1))}, " +
                $"8 workers {Fmt.Ratio(Vs(Postgres8))}, two hosts × 4 workers {Fmt.Ratio(Vs(PostgresTwoHosts))} " +
                $"(each against LiteDB with 1 worker). PostgreSQL server: {postgres!.Description}; it reports {await postgres.DurabilityAsync().ConfigureAwait(false)}.");
        }
        output.WriteLine();

        if (!raw.Ok || results.Any(r => !r.Result.Ok))
            throw new InvalidOperationException("A check-in run did not verify: see the table.");
    }

    /// <summary>A private durable server; without PostgreSQL binaries the PostgreSQL rows are skipped, with a line saying so.</summary>
    private static async Task<PostgresServer?> PostgresOrNullAsync(TextWriter output)
    {
        try
        {
            return await PostgresServer.StartDurableAsync().ConfigureAwait(false);
        }
        catch (InvalidOperationException ex)
        {
            output.WriteLine($"PostgreSQL rows skipped: {ex.Message}");
            output.WriteLine();
            return null;
        }
    }

    private static KnowledgeBase LoadShipped()
    {
        var root = RepoPaths.FindKnowledge();
        var load = KnowledgeLoader.Load(root);
        return load.IsValid ? load.Knowledge! : throw new InvalidOperationException($"The shipped knowledge at {root} is invalid.");
    }

    private static ServiceProvider BuildLiteDb(KnowledgeBase knowledge, string databasePath) =>
        BuildContainer(knowledge, "DatabasePath", databasePath, (services, configuration) => services.AddLiteDbStorage(configuration));

    private static ServiceProvider BuildPostgres(KnowledgeBase knowledge, string connectionString) =>
        BuildContainer(knowledge, "ConnectionString", connectionString, (services, configuration) => services.AddPostgresStorage(configuration));

    private static ServiceProvider BuildContainer(KnowledgeBase knowledge, string storageKey, string storageValue, Action<IServiceCollection, IConfiguration> addStorage)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Storage:" + storageKey] = storageValue })
            .Build();
        var services = new ServiceCollection();
        services.AddSingleton<IKnowledgeProvider>(new StaticKnowledgeProvider(knowledge));
        services.AddSingleton<IFaqService, FaqService>();
        services.AddMentorBotCore();
        addStorage(services, configuration);
        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
    }

    private static CommandRequest Checkin(int i) => new(
        "checkin",
        new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase),
        new Actor(new LearnerId(Platform, i.ToString(CultureInfo.InvariantCulture)), $"Learner {i}", false),
        Community);

    /// <summary>
    /// The full command path over one container per host (all on one database); timed only inside
    /// <see cref="RunChunkAsync"/>. Each host has its workers; all workers take learners from one queue.
    /// </summary>
    private sealed class CommandPathRun : IAsyncDisposable
    {
        private readonly IReadOnlyList<ServiceProvider> _hosts;
        private readonly IReadOnlyList<ICommandDispatcher> _dispatchers;
        private readonly int _workers;
        private long _elapsed;
        private int _failures;

        public CommandPathRun(IReadOnlyList<ServiceProvider> hosts, int workersPerHost)
        {
            _hosts = hosts;
            _dispatchers = [.. hosts.Select(h => h.GetRequiredService<ICommandDispatcher>())];
            _workers = workersPerHost * hosts.Count;
        }

        public async Task RunChunkAsync(int from, int to)
        {
            var next = from - 1;

            async Task Worker(ICommandDispatcher dispatcher)
            {
                int i;
                while ((i = Interlocked.Increment(ref next)) < to)
                {
                    var reply = await dispatcher.DispatchAsync(Checkin(i)).ConfigureAwait(false);
                    if (reply.Kind != ReplyKind.Success)
                        Interlocked.Increment(ref _failures);
                }
            }

            var start = Stopwatch.GetTimestamp();
            if (_workers == 1)
                await Worker(_dispatchers[0]).ConfigureAwait(false);
            else
                await Task.WhenAll(Enumerable.Range(0, _workers).Select(w => Task.Run(() => Worker(_dispatchers[w % _dispatchers.Count])))).ConfigureAwait(false);
            _elapsed += Stopwatch.GetTimestamp() - start;
        }

        /// <summary>Every learner must have exactly one check-in and every reply must have been a success.</summary>
        public async Task<RunResult> VerifyAsync(int learners)
        {
            var activity = _hosts[0].GetRequiredService<IActivityStore>();
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

        public async ValueTask DisposeAsync()
        {
            foreach (var host in _hosts)
                await host.DisposeAsync().ConfigureAwait(false);
        }
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
