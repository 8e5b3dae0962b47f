using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using MentorBot.Core.Identity;
using MentorBot.Core.Learners;
using MentorBot.Core.Reports;
using MentorBot.Reports;
using MentorBot.Storage.LiteDb;
using MentorBot.Storage.LiteDb.Documents;
using MentorBot.Storage.Postgres;
using MentorBot.Testing.Postgres;
using Npgsql;
using NpgsqlTypes;

namespace MentorBot.Benchmarks;

/// <summary>
/// The dashboard's overview and learners page for a community of 100,000 learners with 1,000,000 check-ins, beside a
/// second community of 10,000 learners (100,000 check-ins) in the same database, on LiteDB and on PostgreSQL. Each
/// figure is the server time of the store query (the overview also renders its four SVG charts), median and p95 of
/// several runs after a warm-up, and a ratio against a trivial single-document read measured in the same run.
/// </summary>
internal static class ReportsBenchmark
{
    private const string TargetMs = "300 ms";
    private static readonly int ReportsMigration = PostgresMigrations.All.Single(m => m.Name == "dashboard report aggregates").Version;
    private static readonly CommunityId Big = new("bench", "big");
    private static readonly CommunityId Small = new("bench", "small");

    private sealed record Scale(int Learners, int SmallLearners, int CheckinsEach, int Runs);

    private sealed record Timing(string Name, double MedianMs, double P95Ms, int Runs, string Note = "");

    private sealed record ProviderResult(string Provider, double SeedSeconds, string SeedNote, double ColdMs, string ColdNote, double BaselineUs, List<Timing> Timings, string Figures);

    public static async Task RunAsync(bool quick, TextWriter output)
    {
        var scale = quick ? new Scale(10_000, 1_000, 10, 7) : new Scale(100_000, 10_000, 10, 15);
        var now = TimeProvider.System.GetUtcNow();
        var time = new FixedTime(now);
        output.WriteLine("## Dashboard reports");
        output.WriteLine();

        using var temp = new TempFolder("reports");
        var results = new List<ProviderResult> { await LiteDbAsync(scale, now, time, temp.File("reports.db"), output).ConfigureAwait(false) };

        PostgresServer? postgres = null;
        try
        {
            postgres = await PostgresServer.StartDurableAsync().ConfigureAwait(false);
        }
        catch (InvalidOperationException ex)
        {
            output.WriteLine($"PostgreSQL skipped: {ex.Message}");
        }
        if (postgres is not null)
            results.Add(await PostgresAsync(scale, now, time, postgres, output).ConfigureAwait(false));

        output.WriteLine($"Community `{Big}`: {scale.Learners:N0} learners, {scale.Learners * scale.CheckinsEach:N0} check-ins; community `{Small}` in the same database: " +
            $"{scale.SmallLearners:N0} learners, {scale.SmallLearners * scale.CheckinsEach:N0} check-ins. Every second learner subscribed, with this week's delivery; " +
            $"{scale.Runs} timed runs per query after 2 warm-up runs; baseline: `ILearnerStore.GetAsync` of one learner, 200 runs. Target: {TargetMs} per page.");
        output.WriteLine();
        output.WriteLine("| Provider | Query | Median | p95 | Median ÷ baseline | Target |");
        output.WriteLine("|---|---|---:|---:|---:|---|");
        foreach (var result in results)
        {
            output.WriteLine($"| {result.Provider} | baseline: one learner by id | {Fmt.Us(result.BaselineUs)} | | 1× | |");
            foreach (var t in result.Timings)
            {
                var verdict = t.Name.Contains("small", StringComparison.Ordinal) ? "" : t.P95Ms <= 300 ? "met (p95)" : t.MedianMs <= 300 ? "median met, p95 not" : "MISSED";
                output.WriteLine($"| {result.Provider} | {t.Name}{(t.Note.Length > 0 ? $" ({t.Note})" : "")} | {Fmt.Ms(t.MedianMs)} | {Fmt.Ms(t.P95Ms)} | " +
                    $"{Fmt.N(t.MedianMs * 1000 / result.BaselineUs)}× | {verdict} |");
            }
        }
        output.WriteLine();
        foreach (var result in results)
            output.WriteLine($"{result.Provider}: seeded in {result.SeedSeconds:0.0} s ({result.SeedNote}); {result.ColdNote}: {Fmt.Ms(result.ColdMs)}.");
        if (results.Count == 2)
            output.WriteLine($"Both providers report the same figures for both communities: {(results[0].Figures == results[1].Figures ? "yes" : "NO")}.");
        output.WriteLine();
        if (results.Count == 2 && results[0].Figures != results[1].Figures)
            throw new InvalidOperationException("The providers disagree on the seeded communities' figures.");
    }

    private static async Task<ProviderResult> LiteDbAsync(Scale scale, DateTimeOffset now, TimeProvider time, string path, TextWriter output)
    {
        var seed = Stopwatch.StartNew();
        using (var context = new LiteDbContext(new LiteDbStorageOptions { DatabasePath = path }))
        {
            var subscriptions = new LiteDbSubscriptionStore(context);
            var outbox = new LiteDbDeliveryOutbox(context);
            foreach (var (community, prefix, count) in Communities(scale))
            {
                foreach (var chunk in ReportSeed.Generate(community, prefix, count, scale.CheckinsEach, now).Chunk(5_000))
                {
                    context.Learners.InsertBulk(chunk.Select(l => new LearnerDocument
                    {
                        Id = l.Profile.Id.ToString(), DisplayName = l.Profile.DisplayName, TimeZoneId = l.Profile.TimeZoneId, CurrentWeek = l.Profile.CurrentWeek,
                        Communities = [.. l.Profile.Communities.Select(c => c.ToString())],
                        CreatedAtUtcTicks = l.Profile.CreatedAt.UtcTicks, CreatedAtOffsetMinutes = 0,
                    }));
                    context.Checkins.InsertBulk(chunk.SelectMany(l => l.Checkins).Select(c => new CheckinDocument
                    {
                        Id = $"{c.Learner}|{StoredTime.Date(c.LocalDate)}", Learner = c.Learner.ToString(), LocalDate = StoredTime.Date(c.LocalDate),
                        AtUtcTicks = c.At.UtcTicks, AtOffsetMinutes = 0,
                    }));
                    context.TaskCompletions.InsertBulk(chunk.SelectMany(l => l.Tasks).Select(t => new TaskCompletionDocument
                    {
                        Id = $"{t.Learner}|{t.Week.ToString(CultureInfo.InvariantCulture)}", Learner = t.Learner.ToString(), Week = t.Week,
                        LocalDate = StoredTime.Date(t.LocalDate), AtUtcTicks = t.At.UtcTicks, AtOffsetMinutes = 0,
                    }));
                    context.StreakSummaries.InsertBulk(chunk.Select(l => l.Summary).Select(s => new StreakSummaryDocument
                    {
                        Id = s.Learner.ToString(), DisplayName = s.DisplayName, TimeZoneId = s.TimeZoneId, LastActiveDay = StoredTime.Date(s.LastActiveDay),
                        CurrentAtLastDay = s.CurrentAtLastDay, Longest = s.Longest, FreezesAtLastDay = s.FreezesAtLastDay,
                        UpdatedAtUtcTicks = s.UpdatedAt.UtcTicks, UpdatedAtOffsetMinutes = 0,
                    }));
                    await subscriptions.UpsertManyAsync(chunk.Select(l => l.Subscription).OfType<Core.Subscriptions.Subscription>()).ConfigureAwait(false);
                    await outbox.TryEnqueueManyAsync([.. chunk.Select(l => l.Delivery).OfType<Core.Delivery.DeliveryRecord>()]).ConfigureAwait(false);
                }
            }
        }
        seed.Stop();
        var seedNote = $"bulk inserts through the provider's document mapping, file {new FileInfo(path).Length / 1024 / 1024:N0} MiB under {Path.GetDirectoryName(path)}";
        output.WriteLine($"LiteDB seeded in {seed.Elapsed.TotalSeconds:0.0} s.");

        // Reopened, as a host starts: nothing of the seeding process stays in memory.
        using var reopened = new LiteDbContext(new LiteDbStorageOptions { DatabasePath = path });
        var reports = new LiteDbCommunityReports(reopened);
        var learners = new LiteDbLearnerStore(reopened);
        var cold = Stopwatch.StartNew();
        await reports.GetOverviewAsync(Big, time).ConfigureAwait(false);
        cold.Stop();
        return await MeasureAsync("LiteDB", reports, learners, scale, time, seed.Elapsed.TotalSeconds, seedNote,
            cold.Elapsed.TotalMilliseconds, "first report query after opening (builds the in-memory projection)").ConfigureAwait(false);
    }

    private static async Task<ProviderResult> PostgresAsync(Scale scale, DateTimeOffset now, TimeProvider time, PostgresServer server, TextWriter output)
    {
        var name = await server.CreateDatabaseAsync().ConfigureAwait(false);
        try
        {
            var connectionString = server.ConnectionStringFor(name);
            var seed = Stopwatch.StartNew();
            using (var dataSource = NpgsqlDataSource.Create(connectionString))
            {
                // Seeded before the reports migrations (6, then 8), so opening the storage below runs their backfills over a full
                // database: the upgrade an existing installation goes through.
                PostgresMigrator.Migrate(dataSource, [.. PostgresMigrations.All.Where(m => m.Version < ReportsMigration)]);
                using var connection = dataSource.OpenConnection();
                foreach (var (community, prefix, count) in Communities(scale))
                    Copy(connection, ReportSeed.Generate(community, prefix, count, scale.CheckinsEach, now));
            }
            seed.Stop();

            var migrate = Stopwatch.StartNew();
            await using var storage = new PostgresStorage(new PostgresStorageOptions { ConnectionString = connectionString });
            migrate.Stop();
            using (var dataSource = NpgsqlDataSource.Create(connectionString))
            {
                using var vacuum = dataSource.CreateCommand("VACUUM ANALYZE");
                vacuum.CommandTimeout = 0;
                await vacuum.ExecuteNonQueryAsync().ConfigureAwait(false);
            }
            output.WriteLine($"PostgreSQL seeded in {seed.Elapsed.TotalSeconds:0.0} s; the reports migrations took {migrate.Elapsed.TotalSeconds:0.0} s.");

            var reports = new PostgresCommunityReports(storage);
            var cold = Stopwatch.StartNew();
            await reports.GetOverviewAsync(Big, time).ConfigureAwait(false);
            cold.Stop();
            return await MeasureAsync("PostgreSQL", reports, new PostgresLearnerStore(storage), scale, time, seed.Elapsed.TotalSeconds,
                $"binary COPY at schema {ReportsMigration - 1}, then migrations {ReportsMigration}–{PostgresMigrations.Latest} with their backfills in {migrate.Elapsed.TotalSeconds:0.0} s and VACUUM ANALYZE; {server.Description}",
                cold.Elapsed.TotalMilliseconds, "first overview query").ConfigureAwait(false);
        }
        finally
        {
            await server.DropDatabaseAsync(name).ConfigureAwait(false);
        }
    }

    private static async Task<ProviderResult> MeasureAsync(
        string provider, ICommunityReports reports, ILearnerStore learners, Scale scale, TimeProvider time,
        double seedSeconds, string seedNote, double coldMs, string coldNote)
    {
        var someone = new LearnerId(Big.Platform, "u" + (scale.Learners / 3).ToString(CultureInfo.InvariantCulture));
        var baseline = await TimeAsync(200, async () => { _ = await learners.GetAsync(someone).ConfigureAwait(false) ?? throw new InvalidOperationException("The seeded learner is missing."); }).ConfigureAwait(false);

        var timings = new List<Timing>();
        var overview = await reports.GetOverviewAsync(Big, time).ConfigureAwait(false);
        var rendered = 0;
        timings.Add(await TimedAsync("overview: counts, 4 series, 4 SVG charts rendered", scale.Runs, async () =>
        {
            var o = await reports.GetOverviewAsync(Big, time).ConfigureAwait(false);
            rendered = OverviewCharts.For(o).CheckinsPerDay.Html.Length;
        }).ConfigureAwait(false));

        var byStreak = new LearnerQuery(SortBy: LearnerSort.CurrentStreak, Descending: true, PageSize: 50);
        var first = await reports.ListLearnersAsync(Big, byStreak, time).ConfigureAwait(false);
        timings.Add(await TimedAsync("learners: page 1 of 50, by current streak descending", scale.Runs,
            () => reports.ListLearnersAsync(Big, byStreak, time)).ConfigureAwait(false) with { Note = $"{first.Total:N0} rows" });

        var search = new LearnerQuery(Search: scale.Learners >= 20_000 ? "ana 01" : "ana 00", PageSize: 50);
        var found = await reports.ListLearnersAsync(Big, search, time).ConfigureAwait(false);
        timings.Add(await TimedAsync($"learners: search \"{search.Search}\", by name", scale.Runs,
            () => reports.ListLearnersAsync(Big, search, time)).ConfigureAwait(false) with { Note = $"{found.Total:N0} matches" });

        var last = new LearnerQuery(SortBy: LearnerSort.TasksDone, Page: (scale.Learners + 49) / 50, PageSize: 50);
        timings.Add(await TimedAsync("learners: last page by tasks done", scale.Runs,
            () => reports.ListLearnersAsync(Big, last, time)).ConfigureAwait(false));

        var smallOverview = await reports.GetOverviewAsync(Small, time).ConfigureAwait(false);
        timings.Add(await TimedAsync("overview of the small community", scale.Runs, () => reports.GetOverviewAsync(Small, time)).ConfigureAwait(false));
        timings.Add(await TimedAsync("learners of the small community, by current streak", scale.Runs,
            () => reports.ListLearnersAsync(Small, byStreak, time)).ConfigureAwait(false));

        if (overview.Learners != scale.Learners || smallOverview.Learners != scale.SmallLearners || first.Rows.Count != 50 || rendered == 0)
            throw new InvalidOperationException($"{provider}: the reports do not show the seeded communities ({overview.Learners} and {smallOverview.Learners} learners).");

        var figures = JsonSerializer.Serialize(new object[] { overview, smallOverview, first.Rows, found.Total });
        return new ProviderResult(provider, seedSeconds, seedNote, coldMs, coldNote, baseline.MedianMs * 1000, timings, figures);
    }

    private static Task<Timing> TimedAsync<T>(string name, int runs, Func<Task<T>> query) => TimedAsync(name, runs, () => (Task)query());

    private static async Task<Timing> TimedAsync(string name, int runs, Func<Task> query)
    {
        var timing = await TimeAsync(runs, query).ConfigureAwait(false);
        return timing with { Name = name };
    }

    private static async Task<Timing> TimeAsync(int runs, Func<Task> query)
    {
        for (var i = 0; i < 2; i++)
            await query().ConfigureAwait(false);
        var ms = new double[runs];
        for (var i = 0; i < runs; i++)
        {
            var watch = Stopwatch.StartNew();
            await query().ConfigureAwait(false);
            ms[i] = watch.Elapsed.TotalMilliseconds;
        }
        Array.Sort(ms);
        return new Timing("", ms[(runs - 1) / 2], ms[Math.Clamp((int)Math.Ceiling(0.95 * runs) - 1, 0, runs - 1)], runs);
    }

    private static IEnumerable<(CommunityId Community, string Prefix, int Count)> Communities(Scale scale) =>
        [(Big, "u", scale.Learners), (Small, "v", scale.SmallLearners)];

    private static void Copy(NpgsqlConnection connection, IEnumerable<SeedLearner> learners)
    {
        var all = learners.ToList();
        using (var w = connection.BeginBinaryImport("COPY learners (id, display_name, time_zone_id, current_week, communities, created_at_utc_ticks, created_at_offset_minutes) FROM STDIN (FORMAT BINARY)"))
        {
            foreach (var l in all)
            {
                var p = l.Profile;
                w.StartRow();
                w.Write(p.Id.ToString(), NpgsqlDbType.Text);
                w.Write(p.DisplayName, NpgsqlDbType.Text);
                w.Write(p.TimeZoneId, NpgsqlDbType.Text);
                w.Write(p.CurrentWeek, NpgsqlDbType.Integer);
                w.Write(p.Communities.Select(c => c.ToString()).ToArray(), NpgsqlDbType.Array | NpgsqlDbType.Text);
                w.Write(p.CreatedAt.UtcTicks, NpgsqlDbType.Bigint);
                w.Write(0, NpgsqlDbType.Integer);
            }
            w.Complete();
        }
        using (var w = connection.BeginBinaryImport("COPY checkins (learner, local_date, at_utc_ticks, at_offset_minutes) FROM STDIN (FORMAT BINARY)"))
        {
            foreach (var c in all.SelectMany(l => l.Checkins))
            {
                w.StartRow();
                w.Write(c.Learner.ToString(), NpgsqlDbType.Text);
                w.Write(c.LocalDate, NpgsqlDbType.Date);
                w.Write(c.At.UtcTicks, NpgsqlDbType.Bigint);
                w.Write(0, NpgsqlDbType.Integer);
            }
            w.Complete();
        }
        using (var w = connection.BeginBinaryImport("COPY task_completions (learner, week, local_date, at_utc_ticks, at_offset_minutes) FROM STDIN (FORMAT BINARY)"))
        {
            foreach (var t in all.SelectMany(l => l.Tasks))
            {
                w.StartRow();
                w.Write(t.Learner.ToString(), NpgsqlDbType.Text);
                w.Write(t.Week, NpgsqlDbType.Integer);
                w.Write(t.LocalDate, NpgsqlDbType.Date);
                w.Write(t.At.UtcTicks, NpgsqlDbType.Bigint);
                w.Write(0, NpgsqlDbType.Integer);
            }
            w.Complete();
        }
        using (var w = connection.BeginBinaryImport("COPY streak_summaries (learner, display_name, time_zone_id, last_active_day, current_at_last_day, longest, freezes_at_last_day, updated_at_utc_ticks, updated_at_offset_minutes) FROM STDIN (FORMAT BINARY)"))
        {
            foreach (var s in all.Select(l => l.Summary))
            {
                w.StartRow();
                w.Write(s.Learner.ToString(), NpgsqlDbType.Text);
                w.Write(s.DisplayName, NpgsqlDbType.Text);
                w.Write(s.TimeZoneId, NpgsqlDbType.Text);
                w.Write(s.LastActiveDay, NpgsqlDbType.Date);
                w.Write(s.CurrentAtLastDay, NpgsqlDbType.Integer);
                w.Write(s.Longest, NpgsqlDbType.Integer);
                w.Write(s.FreezesAtLastDay, NpgsqlDbType.Integer);
                w.Write(s.UpdatedAt.UtcTicks, NpgsqlDbType.Bigint);
                w.Write(0, NpgsqlDbType.Integer);
            }
            w.Complete();
        }
        using (var w = connection.BeginBinaryImport("COPY subscriptions (learner, community, day_of_week, time_of_day_ticks, time_zone_id, paused_until, created_at_utc_ticks, created_at_offset_minutes) FROM STDIN (FORMAT BINARY)"))
        {
            foreach (var s in all.Select(l => l.Subscription).OfType<Core.Subscriptions.Subscription>())
            {
                w.StartRow();
                w.Write(s.Learner.ToString(), NpgsqlDbType.Text);
                w.Write(s.Community.ToString(), NpgsqlDbType.Text);
                w.Write((int)s.Day, NpgsqlDbType.Integer);
                w.Write(s.Time.Ticks, NpgsqlDbType.Bigint);
                w.Write(s.TimeZoneId, NpgsqlDbType.Text);
                w.WriteNull();
                w.Write(s.CreatedAt.UtcTicks, NpgsqlDbType.Bigint);
                w.Write(0, NpgsqlDbType.Integer);
            }
            w.Complete();
        }
        using (var w = connection.BeginBinaryImport("COPY deliveries (key, learner, community, slot_utc_ticks, local_week, roadmap_week, kind, status, attempts, created_at_utc_ticks, next_attempt_at_utc_ticks, completed_at_utc_ticks, last_error) FROM STDIN (FORMAT BINARY)"))
        {
            foreach (var d in all.Select(l => l.Delivery).OfType<Core.Delivery.DeliveryRecord>())
            {
                w.StartRow();
                w.Write(d.Key, NpgsqlDbType.Text);
                w.Write(d.Learner.ToString(), NpgsqlDbType.Text);
                w.Write(d.Community.ToString(), NpgsqlDbType.Text);
                w.Write(d.SlotUtc.UtcTicks, NpgsqlDbType.Bigint);
                w.Write(d.LocalWeek, NpgsqlDbType.Text);
                w.Write(d.RoadmapWeek, NpgsqlDbType.Integer);
                w.Write(d.Kind.ToString(), NpgsqlDbType.Text);
                w.Write(d.Status.ToString(), NpgsqlDbType.Text);
                w.Write(d.Attempts, NpgsqlDbType.Integer);
                w.Write(d.CreatedAt.UtcTicks, NpgsqlDbType.Bigint);
                w.Write(d.NextAttemptAt.UtcTicks, NpgsqlDbType.Bigint);
                if (d.CompletedAt is { } completed)
                    w.Write(completed.UtcTicks, NpgsqlDbType.Bigint);
                else
                    w.WriteNull();
                if (d.LastError is { } error)
                    w.Write(error, NpgsqlDbType.Text);
                else
                    w.WriteNull();
            }
            w.Complete();
        }
    }

    /// <summary>A clock stopped at the seeding instant, so every run asks about the same "now".</summary>
    private sealed class FixedTime(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
