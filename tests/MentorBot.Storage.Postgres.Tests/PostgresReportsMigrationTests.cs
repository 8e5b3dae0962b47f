using System.Text.Json;
using MentorBot.Core.Identity;
using MentorBot.Core.Learners;
using MentorBot.Core.Reports;
using MentorBot.Core.Roadmap;
using MentorBot.Core.Streaks;
using MentorBot.Core.Subscriptions;
using MentorBot.Storage.Contract;
using Microsoft.Extensions.Time.Testing;
using Npgsql;
using static MentorBot.Storage.Contract.TestData;

namespace MentorBot.Storage.Postgres.Tests;

/// <summary>
/// Migration 8 on a database that already holds data: the rows written at schema 7 are copied into a new database
/// migrated to 7 only (its migration-6 triggers fire as they did), which is then opened as a host opens it, so migration
/// 8 back-fills its member table. Every report, and the member table itself, must equal those of the database whose
/// rows were written through the triggers.
/// </summary>
public sealed class PostgresReportsMigrationTests : IAsyncLifetime
{
    private const int BeforeMembers = 7;
    private const int BeforeTriggerTrim = 9;
    private static readonly DateTimeOffset Now = new(2026, 12, 2, 12, 0, 0, TimeSpan.Zero);
    private static readonly DateOnly Today = new(2026, 12, 2);
    private static readonly string[] SourceTables = ["learners", "checkins", "task_completions", "streak_summaries", "subscriptions", "deliveries"];

    private readonly FakeTimeProvider _time = new(Now);
    private PostgresTestDatabase _written = null!;
    private PostgresServer _server = null!;
    private string _upgraded = "";

    public async Task InitializeAsync()
    {
        _written = await PostgresTestDatabase.CreateDatabaseAsync();
        _server = await PostgresServer.SharedAsync();
        _upgraded = await _server.CreateDatabaseAsync();
    }

    public async Task DisposeAsync()
    {
        await _written.DisposeAsync();
        await _server.DropDatabaseAsync(_upgraded);
    }

    [Fact]
    public async Task A_database_at_migration_7_with_rows_reports_the_same_after_migration_8()
    {
        Assert.Equal("dashboard member summaries", PostgresMigrations.All.Single(m => m.Version == BeforeMembers + 1).Name);
        await SeedAsync(_written.Stores);
        var expected = await ReportsAsync(_written.Stores.Reports);

        await using (var dataSource = NpgsqlDataSource.Create(_server.ConnectionStringFor(_upgraded)))
        {
            Assert.Equal(BeforeMembers, PostgresMigrator.Migrate(dataSource, [.. PostgresMigrations.All.Where(m => m.Version <= BeforeMembers)]));
            await CopySourceRowsAsync(dataSource);
            Assert.Equal(0, await CountAsync(dataSource, "SELECT count(*)::integer FROM pg_tables WHERE tablename = 'reports_members'"));
        }

        await using var storage = new PostgresStorage(new PostgresStorageOptions { ConnectionString = _server.ConnectionStringFor(_upgraded) });
        Assert.Equal(PostgresMigrations.Latest, storage.SchemaVersion);
        var actual = await ReportsAsync(new PostgresCommunityReports(storage));

        Assert.Contains("\"Learners\":4", expected, StringComparison.Ordinal);
        Assert.Equal(expected, actual);
        await using var written = NpgsqlDataSource.Create(_written.ConnectionString);
        await using var upgraded = NpgsqlDataSource.Create(_server.ConnectionStringFor(_upgraded));
        Assert.Equal(await MemberRowsAsync(written), await MemberRowsAsync(upgraded));
    }

    /// <summary>
    /// Migration 10 replaces migration 8's UPDATE triggers on a database that already has them and member rows: after
    /// the same further writes (the kinds each trigger handles) it must report exactly what a fresh database does.
    /// </summary>
    [Fact]
    public async Task A_database_at_migration_9_with_rows_keeps_its_reports_like_a_fresh_one_after_migration_10()
    {
        Assert.Equal("member summaries skip writes that change nothing they copy", PostgresMigrations.All.Single(m => m.Version == BeforeTriggerTrim + 1).Name);
        await SeedAsync(_written.Stores);
        await using (var dataSource = NpgsqlDataSource.Create(_server.ConnectionStringFor(_upgraded)))
        {
            Assert.Equal(BeforeTriggerTrim, PostgresMigrator.Migrate(dataSource, [.. PostgresMigrations.All.Where(m => m.Version <= BeforeTriggerTrim)]));
            await CopySourceRowsAsync(dataSource);
        }

        await using var storage = new PostgresStorage(new PostgresStorageOptions { ConnectionString = _server.ConnectionStringFor(_upgraded) });
        Assert.Equal(PostgresMigrations.Latest, storage.SchemaVersion);
        var upgraded = PostgresTestDatabase.StoresOver(storage);
        foreach (var stores in new[] { _written.Stores, upgraded })
            await WriteMoreAsync(stores);

        var expected = await ReportsAsync(_written.Stores.Reports);
        Assert.Contains("\"Learners\":4", expected, StringComparison.Ordinal);
        Assert.Equal(expected, await ReportsAsync(upgraded.Reports));
        await using var writtenRows = NpgsqlDataSource.Create(_written.ConnectionString);
        await using var upgradedRows = NpgsqlDataSource.Create(_server.ConnectionStringFor(_upgraded));
        Assert.Equal(await MemberRowsAsync(writtenRows), await MemberRowsAsync(upgradedRows));
    }

    /// <summary>A next-day check-in and its summary, a same-day repeat, a task done with the week advanced, a rename, a pause, and a join.</summary>
    private static async Task WriteMoreAsync(StorageStores stores)
    {
        var dave = new LearnerId("discord", "200");
        var tomorrow = Today.AddDays(1);
        await stores.Activity.TryAddCheckinAsync(new Checkin(Alice, tomorrow, Now.AddDays(1), null));
        await stores.Activity.UpsertStreakSummaryAsync(new StreakSummary(Alice, "alice", "UTC", tomorrow, 6, 9, 0, Now.AddDays(1)));
        await stores.Activity.UpsertStreakSummaryAsync(new StreakSummary(Alice, "alice", "UTC", tomorrow, 6, 9, 0, Now.AddDays(1).AddHours(2)));
        await stores.Activity.TryAddTaskCompletionAsync(new TaskCompletion(dave, 2, tomorrow, Now.AddDays(1)));
        Assert.True(await stores.Learners.TryAdvanceWeekAsync(dave, 2, 3));
        await stores.Activity.UpsertStreakSummaryAsync(new StreakSummary(dave, "dave", "UTC", tomorrow, 1, 1, 1, Now.AddDays(1)));
        await stores.Learners.UpsertAsync(new LearnerProfile(dave, "David", "Europe/Berlin", 3, [Guild], At));
        await stores.Subscriptions.UpsertAsync(new Subscription(Alice, Guild, DayOfWeek.Monday, new TimeOnly(9, 0), "Europe/Berlin", tomorrow.AddDays(7), At));
        await stores.Learners.UpsertAsync(new LearnerProfile(dave, "David", "Europe/Berlin", 3, [Guild, Workspace], At));
    }

    /// <summary>Both communities: the overview, and every sort in both directions over all rows.</summary>
    private async Task<string> ReportsAsync(ICommunityReports reports)
    {
        var figures = new List<object>();
        foreach (var community in new[] { Guild, Workspace })
        {
            figures.Add(await reports.GetOverviewAsync(community, _time));
            foreach (var sort in Enum.GetValues<LearnerSort>())
            {
                foreach (var descending in new[] { false, true })
                    figures.Add(await reports.ListLearnersAsync(community, new LearnerQuery(SortBy: sort, Descending: descending), _time));
            }
        }
        return JsonSerializer.Serialize(figures);
    }

    private static async Task SeedAsync(StorageStores stores)
    {
        var carol = new LearnerId("discord", "100");
        var dave = new LearnerId("discord", "200");
        var eve = new LearnerId("discord", "300");
        var gone = new LearnerId("discord", "400");
        await stores.Learners.UpsertAsync(new LearnerProfile(Alice, "alice", "UTC", 3, [Guild], At));
        await stores.Learners.UpsertAsync(new LearnerProfile(carol, "Carol", "UTC", 1, [Guild], At));
        await stores.Learners.UpsertAsync(new LearnerProfile(dave, "dave", "UTC", 2, [Guild], At));
        await stores.Learners.UpsertAsync(new LearnerProfile(eve, "Eve", "UTC", 5, [Guild, Workspace], At));
        await stores.Learners.UpsertAsync(new LearnerProfile(Bob, "Bob", "UTC", 7, [Workspace, Guild], At));
        await stores.Learners.UpsertAsync(new LearnerProfile(gone, "Gone", "UTC", 1, [Guild], At));
        // Bob leaves the guild, Carol is renamed, one learner is forgotten: the triggers' state after each.
        await stores.Learners.UpsertAsync(new LearnerProfile(Bob, "Bob", "UTC", 7, [Workspace], At));
        await stores.Learners.UpsertAsync(new LearnerProfile(carol, "Carol B", "UTC", 1, [Guild], At));

        foreach (var (learner, daysAgo) in new[] { (Alice, 0), (Alice, 1), (carol, 8), (eve, 1), (eve, 100), (Bob, 0), (gone, 0) })
            await stores.Activity.TryAddCheckinAsync(new Checkin(learner, Today.AddDays(-daysAgo), Now.AddDays(-daysAgo).AddHours(-1), null));
        await stores.Activity.TryAddTaskCompletionAsync(new TaskCompletion(Alice, 1, Today.AddDays(-20), Now.AddDays(-20)));
        await stores.Activity.TryAddTaskCompletionAsync(new TaskCompletion(dave, 1, Today.AddDays(-3), Now.AddDays(-3)));
        await stores.Activity.UpsertStreakSummaryAsync(new StreakSummary(Alice, "alice", "UTC", Today, 5, 9, 0, Now));
        await stores.Activity.UpsertStreakSummaryAsync(new StreakSummary(carol, "Carol", "UTC", Today.AddDays(-8), 3, 3, 0, Now));
        await stores.Activity.UpsertStreakSummaryAsync(new StreakSummary(eve, "Eve", "Pacific/Kiritimati", Today.AddDays(-1), 2, 4, 1, Now));
        await stores.Activity.UpsertStreakSummaryAsync(new StreakSummary(Bob, "Bob", "America/Los_Angeles", Today, 40, 40, 0, Now));
        await stores.Subscriptions.UpsertAsync(new Subscription(Alice, Guild, DayOfWeek.Monday, new TimeOnly(9, 0), "Europe/Berlin", null, At));
        await stores.Subscriptions.UpsertAsync(new Subscription(eve, Workspace, DayOfWeek.Friday, new TimeOnly(7, 0), "UTC", new DateOnly(2026, 12, 20), At));
        await stores.Subscriptions.UpsertAsync(new Subscription(Bob, Workspace, DayOfWeek.Friday, new TimeOnly(7, 0), "UTC", null, At));
        await stores.Subscriptions.UpsertAsync(new Subscription(gone, Guild, DayOfWeek.Sunday, new TimeOnly(7, 0), "UTC", null, At));
        await stores.LearnerData.ForgetAsync(gone);
    }

    /// <summary>The tables the application writes, row for row, through COPY (which fires the insert triggers).</summary>
    private async Task CopySourceRowsAsync(NpgsqlDataSource target)
    {
        await using var source = NpgsqlDataSource.Create(_written.ConnectionString);
        await using var from = await source.OpenConnectionAsync();
        await using var to = await target.OpenConnectionAsync();
        foreach (var table in SourceTables)
        {
            string rows;
            using (var reader = await from.BeginTextExportAsync($"COPY {table} TO STDOUT"))
                rows = await reader.ReadToEndAsync();
            await using (var writer = await to.BeginTextImportAsync($"COPY {table} FROM STDIN"))
                await writer.WriteAsync(rows);
        }
    }

    private static async Task<List<string>> MemberRowsAsync(NpgsqlDataSource dataSource)
    {
        await using var command = dataSource.CreateCommand("SELECT row_to_json(m)::text FROM reports_members m ORDER BY community, learner");
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<string>();
        while (await reader.ReadAsync())
            rows.Add(reader.GetString(0));
        return rows;
    }

    private static async Task<int> CountAsync(NpgsqlDataSource dataSource, string sql)
    {
        await using var command = dataSource.CreateCommand(sql);
        return (int)(await command.ExecuteScalarAsync())!;
    }
}
