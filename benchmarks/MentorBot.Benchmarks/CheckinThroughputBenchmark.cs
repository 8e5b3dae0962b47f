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
using Npgsql;
using MentorBot.Core.Streaks;

namespace MentorBot.Benchmarks;

/// <summary>
/// Check-ins per second through the whole command path (dispatcher, handler, services, stores) against raw LiteDB
/// upserts of equivalent documents: on LiteDB with one and two workers, and on PostgreSQL (a private server with
/// durable defaults) with one worker, eight workers, and two hosts of four workers each on one database, all verified
/// by count. Three phases run in turn: every learner's first check-in (creating the learner), a check-in the next day
/// (a clock moved on a day) and <c>/task done</c>. The PostgreSQL runs are repeated on databases whose reports triggers
/// are dropped (migration 8's, i.e. the write path as at migration 7; and all of them), so the triggers' cost on the
/// write path is measured in the same run: throughput, and the median and p95 time of one command.
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
    private const string Postgres1NoMembers = "postgres-1-m7";
    private const string Postgres8NoMembers = "postgres-8-m7";
    private const string Postgres1NoReports = "postgres-1-none";
    private const string Postgres1At9 = "postgres-1-m9";
    private const string Postgres8At9 = "postgres-8-m9";

    // Migration 10 trimmed the reports triggers' writes; the "as at migration 9" runs keep migration 8's triggers as they were.
    private const int BeforeTriggerTrim = 9;
    private static readonly CommunityId Community = new("bench", "c");

    public static async Task RunAsync(bool quick, TextWriter output)
    {
        var learners = quick ? 1_000 : 5_000;
        var chunk = quick ? 100 : 250;
        var knowledge = LoadShipped();

        output.WriteLine("## Check-ins per second");
        output.WriteLine();
        var loadBefore = LoadAverage();

        using var temp = new TempFolder("checkins");

        // Warm-up on a throwaway database so JIT and first-use costs stay out of the measured runs.
        await using (var warmup = new CommandPathRun(clock => [BuildLiteDb(knowledge, temp.File("warmup.db"), clock)], workersPerHost: 1, quick ? 200 : 500))
        {
            foreach (var phase in Phases)
                await warmup.RunChunkAsync(phase, 0, quick ? 200 : 500).ConfigureAwait(false);
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
            var database = await NewDatabaseAsync().ConfigureAwait(false);
            await using var warmup = new CommandPathRun(clock => [BuildPostgres(knowledge, database, clock)], workersPerHost: 4, quick ? 200 : 500);
            foreach (var phase in Phases)
                await warmup.RunChunkAsync(phase, 0, quick ? 200 : 500).ConfigureAwait(false);
        }

        using (var warmupRaw = new RawRun(temp.File("warmup-raw.db")))
            warmupRaw.RunChunk(0, 200);

        // The three runs advance in interleaved chunks of learners, so disk and CPU noise on a shared machine falls
        // on all of them alike and the ratios stay meaningful even when the absolute figures move.
        RawResult raw;
        var runs = new List<(string Key, string Label, CommandPathRun Run)>
        {
            (LiteDb1, "LiteDB, full command path", new CommandPathRun(clock => [BuildLiteDb(knowledge, temp.File("full-1.db"), clock)], workersPerHost: 1, learners)),
            (LiteDb2, "LiteDB, full command path", new CommandPathRun(clock => [BuildLiteDb(knowledge, temp.File("full-2.db"), clock)], workersPerHost: 2, learners)),
        };
        if (postgres is not null)
        {
            async Task<CommandPathRun> PostgresRun(int workers, string dropTriggersLike, int? schemaVersion = null)
            {
                var database = await NewDatabaseAsync().ConfigureAwait(false);
                if (schemaVersion is { } version)
                    await MigrateOnlyToAsync(database, version).ConfigureAwait(false);
                if (dropTriggersLike.Length > 0)
                    await DropTriggersAsync(database, dropTriggersLike).ConfigureAwait(false);
                return new CommandPathRun(clock => [BuildPostgres(knowledge, database, clock)], workers, learners);
            }

            runs.Add((Postgres1, "PostgreSQL, full command path", await PostgresRun(1, "").ConfigureAwait(false)));
            runs.Add((Postgres1At9, "PostgreSQL, reports triggers as at migration 9", await PostgresRun(1, "", BeforeTriggerTrim).ConfigureAwait(false)));
            runs.Add((Postgres1NoMembers, "PostgreSQL, reports_members triggers dropped (as at migration 7)", await PostgresRun(1, "reports_members%").ConfigureAwait(false)));
            runs.Add((Postgres1NoReports, "PostgreSQL, every reports trigger dropped (as at migration 5)", await PostgresRun(1, "reports%").ConfigureAwait(false)));
            runs.Add((Postgres8, "PostgreSQL, full command path", await PostgresRun(8, "").ConfigureAwait(false)));
            runs.Add((Postgres8At9, "PostgreSQL, reports triggers as at migration 9", await PostgresRun(8, "", BeforeTriggerTrim).ConfigureAwait(false)));
            runs.Add((Postgres8NoMembers, "PostgreSQL, reports_members triggers dropped (as at migration 7)", await PostgresRun(8, "reports_members%").ConfigureAwait(false)));
            var shared = await NewDatabaseAsync().ConfigureAwait(false);
            runs.Add((PostgresTwoHosts, "PostgreSQL, two hosts on one database",
                new CommandPathRun(clock => [BuildPostgres(knowledge, shared, clock), BuildPostgres(knowledge, shared, clock)], workersPerHost: 4, learners)));
        }

        var results = new List<(string Key, string Label, RunResult Result)>();
        try
        {
            using var rawRun = new RawRun(temp.File("raw.db"));
            foreach (var phase in Phases)
            {
                for (var from = 0; from < learners; from += chunk)
                {
                    var to = Math.Min(learners, from + chunk);
                    if (phase == Phases[0])
                        rawRun.RunChunk(from, to);
                    // Each chunk starts with the next run, so no run always follows the same neighbour (LiteDB's
                    // collections, a busy PostgreSQL checkpoint) and the ratios between runs carry no order bias.
                    var first = from / chunk % runs.Count;
                    for (var r = 0; r < runs.Count; r++)
                        await runs[(first + r) % runs.Count].Run.RunChunkAsync(phase, from, to).ConfigureAwait(false);
                }
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

        output.WriteLine($"{learners:N0} distinct learners; every run has its own fresh LiteDB file (direct connection) " +
            $"under `{Path.GetTempPath()}` or its own PostgreSQL database; the runs advance in interleaved chunks of {chunk}, phase by phase. " +
            $"Processors: {Environment.ProcessorCount}. Load average before / after: {loadBefore} / {LoadAverage()}.");
        output.WriteLine("Full path: `ICommandDispatcher.DispatchAsync` in a DI container with `AddMentorBotCore()` + `AddLiteDbStorage` " +
            "(learner get/create, check-in insert, history replay, streak summary upsert). " +
            "Raw (first phase only): `ILiteCollection<BsonDocument>.Upsert` of `{ _id: \"learner|date\", learner, date, at }` with an index on `learner`. " +
            "PostgreSQL: the same path with `AddPostgresStorage`; \"two hosts\" are two containers, each with its own connection pool, on one database, " +
            "the workers of both taking learners from one queue. \"Triggers dropped\": the same schema with the named triggers dropped after migrating; " +
            $"\"as at migration {BeforeTriggerTrim}\": migrated to {BeforeTriggerTrim} only, the later migrations marked applied.");
        output.WriteLine();
        foreach (var phase in Phases)
        {
            output.WriteLine($"### {phase.Label}");
            output.WriteLine();
            output.WriteLine("| Run | Workers | Commands | Elapsed | Commands/s | Median | p95 | p99 |");
            output.WriteLine("|---|---:|---:|---:|---:|---:|---:|---:|");
            if (phase == Phases[0])
                output.WriteLine($"| Raw LiteDB upsert (baseline) | 1 | {Fmt.N(raw.Count)} | {Fmt.Ms(raw.ElapsedMs)} | {Fmt.N(raw.PerSecond)} | | | |");
            foreach (var (_, label, run) in results)
            {
                var p = run.Phases[phase.Key];
                output.WriteLine($"| {label} | {run.Workers} | {Fmt.N(p.Count)} | {Fmt.Ms(p.ElapsedMs)} | {Fmt.N(p.PerSecond)} | " +
                    $"{Fmt.Us(p.Latency.MedianUs)} | {Fmt.Us(p.Latency.P95Us)} | {Fmt.Us(p.Latency.P99Us)} |");
            }
            output.WriteLine();
        }

        output.WriteLine("| Run | Workers | Verified in store |");
        output.WriteLine("|---|---:|---|");
        output.WriteLine($"| Raw LiteDB upsert (baseline) | 1 | {raw.Verification} |");
        foreach (var (_, label, run) in results)
            output.WriteLine($"| {label} | {run.Workers} | {run.Verification} |");
        output.WriteLine();

        PhaseResult Of(string key, Phase phase) => results.Single(r => r.Key == key).Result.Phases[phase.Key];
        double Vs(string key) => Of(key, Phases[0]).PerSecond / Of(LiteDb1, Phases[0]).PerSecond;
        var sequential = Of(LiteDb1, Phases[0]);
        output.WriteLine($"First check-in: ratio full/raw (LiteDB, 1 worker): {Fmt.Ratio(sequential.PerSecond / raw.PerSecond)} " +
            $"(raw is {Fmt.Ratio(raw.PerSecond / sequential.PerSecond)} faster); LiteDB 2 workers vs 1: {Fmt.Ratio(Vs(LiteDb2))}.");
        if (postgres is not null)
        {
            output.WriteLine($"First check-in, PostgreSQL vs LiteDB, full path: 1 worker {Fmt.Ratio(Vs(Postgres1))}, " +
                $"8 workers {Fmt.Ratio(Vs(Postgres8))}, two hosts × 4 workers {Fmt.Ratio(Vs(PostgresTwoHosts))} " +
                $"(each against LiteDB with 1 worker). PostgreSQL server: {postgres!.Description}; it reports {await postgres.DurabilityAsync().ConfigureAwait(false)}.");
            output.WriteLine();
            output.WriteLine("What the reports triggers cost the write path: PostgreSQL with every trigger ÷ the same run with triggers dropped " +
                "(time ratios above 1 and throughput ratios below 1 mean the triggers cost that much).");
            output.WriteLine();
            output.WriteLine("| Phase | Workers | Compared with | Commands/s ratio | Median ratio | p95 ratio |");
            output.WriteLine("|---|---:|---|---:|---:|---:|");
            foreach (var phase in Phases)
            {
                foreach (var (with, without, workers, what) in new[]
                {
                    (Postgres1, Postgres1NoMembers, 1, "reports_members triggers dropped"),
                    (Postgres1At9, Postgres1NoMembers, 1, "(migration 9) reports_members triggers dropped"),
                    (Postgres1, Postgres1NoReports, 1, "every reports trigger dropped"),
                    (Postgres8, Postgres8NoMembers, 8, "reports_members triggers dropped"),
                    (Postgres8At9, Postgres8NoMembers, 8, "(migration 9) reports_members triggers dropped"),
                    (Postgres1, Postgres1At9, 1, "migration 9's triggers (after ÷ before)"),
                    (Postgres8, Postgres8At9, 8, "migration 9's triggers (after ÷ before)"),
                })
                {
                    var a = Of(with, phase);
                    var b = Of(without, phase);
                    output.WriteLine($"| {phase.Label} | {workers} | {what} | {Fmt.Ratio(a.PerSecond / b.PerSecond)} | " +
                        $"{Fmt.Ratio(a.Latency.MedianUs / b.Latency.MedianUs)} | {Fmt.Ratio(a.Latency.P95Us / b.Latency.P95Us)} |");
                }
            }
        }
        output.WriteLine();

        if (!raw.Ok || results.Any(r => !r.Result.Ok))
            throw new InvalidOperationException("A check-in run did not verify: see the table.");
    }

    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";

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

    private static ServiceProvider BuildLiteDb(KnowledgeBase knowledge, string databasePath, TimeProvider clock) =>
        BuildContainer(knowledge, clock, "DatabasePath", databasePath, (services, configuration) => services.AddLiteDbStorage(configuration));

    private static ServiceProvider BuildPostgres(KnowledgeBase knowledge, string connectionString, TimeProvider clock) =>
        BuildContainer(knowledge, clock, "ConnectionString", connectionString, (services, configuration) => services.AddPostgresStorage(configuration));

    private static ServiceProvider BuildContainer(
        KnowledgeBase knowledge, TimeProvider clock, string storageKey, string storageValue, Action<IServiceCollection, IConfiguration> addStorage)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Storage:" + storageKey] = storageValue })
            .Build();
        var services = new ServiceCollection();
        services.AddSingleton(clock);
        services.AddSingleton<IKnowledgeProvider>(new StaticKnowledgeProvider(knowledge));
        services.AddSingleton<IFaqService, FaqService>();
        services.AddMentorBotCore();
        addStorage(services, configuration);
        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
    }

    /// <summary>
    /// Migrates a fresh database up to <paramref name="version"/> and marks the later migrations applied, so the hosts
    /// opened on it run the write path with the triggers of that version.
    /// </summary>
    private static async Task MigrateOnlyToAsync(string connectionString, int version)
    {
        await using var dataSource = NpgsqlDataSource.Create(connectionString);
        PostgresMigrator.Migrate(dataSource, [.. PostgresMigrations.All.Where(m => m.Version <= version)]);
        foreach (var later in PostgresMigrations.All.Where(m => m.Version > version))
        {
            await using var command = dataSource.CreateCommand("INSERT INTO schema_migrations (version, name) VALUES ($1, $2)");
            command.Parameters.AddWithValue(later.Version);
            command.Parameters.AddWithValue($"left out by the benchmark: {later.Name}");
            await command.ExecuteNonQueryAsync().ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Migrates a fresh database as a host would, then drops the triggers whose names match <paramref name="like"/>, so
    /// the same command path runs on the write path without them.
    /// </summary>
    private static async Task DropTriggersAsync(string connectionString, string like)
    {
        await using (new PostgresStorage(new PostgresStorageOptions { ConnectionString = connectionString }))
        {
        }

        await using var dataSource = NpgsqlDataSource.Create(connectionString);
        var triggers = new List<string>();
        await using (var find = dataSource.CreateCommand(
            "SELECT format('DROP TRIGGER %I ON %s', tgname, tgrelid::regclass) FROM pg_trigger WHERE NOT tgisinternal AND tgname LIKE $1"))
        {
            find.Parameters.AddWithValue(like);
            await using var reader = await find.ExecuteReaderAsync().ConfigureAwait(false);
            while (await reader.ReadAsync().ConfigureAwait(false))
                triggers.Add(reader.GetString(0));
        }
        if (triggers.Count == 0)
            throw new InvalidOperationException($"No trigger matches '{like}': the benchmark's comparison would compare nothing.");
        foreach (var drop in triggers)
        {
            await using var command = dataSource.CreateCommand(drop);
            await command.ExecuteNonQueryAsync().ConfigureAwait(false);
        }
    }

    /// <summary>One kind of command sent once for every learner, on the run's clock moved on <see cref="Day"/> days.</summary>
    private sealed record Phase(string Key, string Label, int Day, string Command, IReadOnlyDictionary<string, string> Options);

    private static readonly Phase[] Phases =
    [
        new("first", "First check-in (creates the learner)", 0, "checkin", new Dictionary<string, string>()),
        new("next", "Check-in the next day (existing learner)", 1, "checkin", new Dictionary<string, string>()),
        new("task", "`/task done` the same day", 1, "task", new Dictionary<string, string> { ["action"] = "done" }),
    ];

    private static CommandRequest Request(Phase phase, int i) => new(
        phase.Command,
        new Dictionary<string, string>(phase.Options, StringComparer.OrdinalIgnoreCase),
        new Actor(new LearnerId(Platform, i.ToString(CultureInfo.InvariantCulture)), $"Learner {i}", false),
        Community);

    /// <summary>The system clock moved on by a settable offset: the next day's check-ins without waiting a day.</summary>
    private sealed class ShiftedClock : TimeProvider
    {
        public TimeSpan Offset { get; set; }

        public override DateTimeOffset GetUtcNow() => System.GetUtcNow() + Offset;
    }

    /// <summary>
    /// The full command path over one container per host (all on one database); timed only inside
    /// <see cref="RunChunkAsync"/>. Each host has its workers; all workers take learners from one queue. Every command is
    /// also timed on its own, for the median and p95.
    /// </summary>
    private sealed class CommandPathRun : IAsyncDisposable
    {
        private readonly ShiftedClock _clock = new();
        private readonly IReadOnlyList<ServiceProvider> _hosts;
        private readonly IReadOnlyList<ICommandDispatcher> _dispatchers;
        private readonly int _workers;
        private readonly Dictionary<string, (long Elapsed, long[] Latencies)> _phases = [];
        private int _failures;

        public CommandPathRun(Func<TimeProvider, IReadOnlyList<ServiceProvider>> hosts, int workersPerHost, int learners)
        {
            _hosts = hosts(_clock);
            _dispatchers = [.. _hosts.Select(h => h.GetRequiredService<ICommandDispatcher>())];
            _workers = workersPerHost * _hosts.Count;
            foreach (var phase in Phases)
                _phases[phase.Key] = (0, new long[learners]);
        }

        public async Task RunChunkAsync(Phase phase, int from, int to)
        {
            _clock.Offset = TimeSpan.FromDays(phase.Day);
            var latencies = _phases[phase.Key].Latencies;
            var next = from - 1;

            async Task Worker(ICommandDispatcher dispatcher)
            {
                int i;
                while ((i = Interlocked.Increment(ref next)) < to)
                {
                    var started = Stopwatch.GetTimestamp();
                    var reply = await dispatcher.DispatchAsync(Request(phase, i)).ConfigureAwait(false);
                    latencies[i] = Stopwatch.GetTimestamp() - started;
                    if (reply.Kind != ReplyKind.Success)
                        Interlocked.Increment(ref _failures);
                }
            }

            var start = Stopwatch.GetTimestamp();
            if (_workers == 1)
                await Worker(_dispatchers[0]).ConfigureAwait(false);
            else
                await Task.WhenAll(Enumerable.Range(0, _workers).Select(w => Task.Run(() => Worker(_dispatchers[w % _dispatchers.Count])))).ConfigureAwait(false);
            var (elapsed, all) = _phases[phase.Key];
            _phases[phase.Key] = (elapsed + Stopwatch.GetTimestamp() - start, all);
        }

        /// <summary>Every learner must have exactly two check-ins and one task completion, and every reply must have been a success.</summary>
        public async Task<RunResult> VerifyAsync(int learners)
        {
            var activity = _hosts[0].GetRequiredService<IActivityStore>();
            var stored = 0;
            var wrong = 0;
            for (var i = 0; i < learners; i++)
            {
                var id = new LearnerId(Platform, i.ToString(CultureInfo.InvariantCulture));
                var checkins = (await activity.ListCheckinsAsync(id).ConfigureAwait(false)).Count;
                var tasks = (await activity.ListTaskCompletionsAsync(id).ConfigureAwait(false)).Count;
                stored += checkins;
                if (checkins != 2 || tasks != 1)
                    wrong++;
            }

            var ok = _failures == 0 && wrong == 0 && stored == 2 * learners;
            var verification = ok
                ? $"{Fmt.N(stored)} check-ins = 2N, one task each ✔"
                : $"MISMATCH: {Fmt.N(stored)} check-ins stored, {wrong} learners without exactly 2 check-ins and 1 task, {_failures} non-success replies";
            var phases = _phases.ToDictionary(
                p => p.Key,
                p => new PhaseResult(learners, Stats.TicksToMs(p.Value.Elapsed), Stats.From(p.Value.Latencies)));
            return new RunResult(_workers, ok, verification, phases);
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

        public RawResult Verify(int count)
        {
            var stored = _collection.Count();
            var ok = stored == count;
            return new RawResult(1, count, Stats.TicksToMs(_elapsed), ok, ok ? $"{Fmt.N(stored)} = N ✔" : $"MISMATCH: {Fmt.N(stored)} stored");
        }

        public void Dispose() => _database.Dispose();
    }

    private sealed record RawResult(int Workers, int Count, double ElapsedMs, bool Ok, string Verification)
    {
        public double PerSecond => Count / (ElapsedMs / 1000.0);
    }

    private sealed record RunResult(int Workers, bool Ok, string Verification, IReadOnlyDictionary<string, PhaseResult> Phases);

    private sealed record PhaseResult(int Count, double ElapsedMs, Stats Latency)
    {
        public double PerSecond => Count / (ElapsedMs / 1000.0);
    }
}
