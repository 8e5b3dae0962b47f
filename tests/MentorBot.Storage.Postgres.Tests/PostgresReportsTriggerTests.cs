using MentorBot.Core.Identity;
using MentorBot.Core.Learners;
using MentorBot.Core.Roadmap;
using MentorBot.Core.Streaks;
using MentorBot.Core.Subscriptions;
using MentorBot.Storage.Contract;
using Microsoft.Extensions.Time.Testing;
using Npgsql;
using static MentorBot.Storage.Contract.TestData;

namespace MentorBot.Storage.Postgres.Tests;

/// <summary>
/// The write path's share of the reports triggers (migration 10): a source write that changes none of the columns
/// <c>reports_members</c> copies leaves the member row as it is (same <c>xmin</c>, i.e. no new row version and no
/// index entries), while a write that changes one still reaches the row. Each case checks both, so a trigger that
/// stopped firing altogether would fail too.
/// </summary>
public sealed class PostgresReportsTriggerTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Now = new(2026, 12, 2, 12, 0, 0, TimeSpan.Zero);
    private static readonly DateOnly Today = new(2026, 12, 2);

    private PostgresTestDatabase _database = null!;
    private NpgsqlDataSource _sql = null!;

    public async Task InitializeAsync()
    {
        _database = await PostgresTestDatabase.CreateDatabaseAsync();
        _sql = NpgsqlDataSource.Create(_database.ConnectionString);
        await _database.Stores.Learners.UpsertAsync(new LearnerProfile(Alice, "alice", "UTC", 1, [Guild, Workspace], At));
    }

    public async Task DisposeAsync()
    {
        await _sql.DisposeAsync();
        await _database.DisposeAsync();
    }

    [Fact]
    public async Task A_repeated_checkin_the_same_day_does_not_rewrite_the_member_rows()
    {
        var time = new FakeTimeProvider(Now);
        using var locks = new LearnerLocks();
        var streaks = new StreakService(_database.Stores.Activity, locks, time);
        var alice = (await _database.Stores.Learners.GetAsync(Alice))!;
        Assert.True((await streaks.CheckInAsync(alice, null, CancellationToken.None)).Added);
        var before = await MemberVersionsAsync();

        time.Advance(TimeSpan.FromHours(3));
        var again = await streaks.CheckInAsync(alice, "again", CancellationToken.None);

        Assert.False(again.Added);
        Assert.Equal(before, await MemberVersionsAsync());
        // The summary itself was rewritten (its updated_at moved); only the reports were left alone.
        Assert.Equal(Now.AddHours(3), (await _database.Stores.Activity.GetStreakSummaryAsync(Alice))!.UpdatedAt);

        time.Advance(TimeSpan.FromDays(1));
        Assert.True((await streaks.CheckInAsync(alice, null, CancellationToken.None)).Added);
        Assert.All((await MemberVersionsAsync()).Zip(before), pair => Assert.NotEqual(pair.Second, pair.First));
        Assert.Equal([2, 2], await ScalarsAsync("streak_current"));
    }

    [Fact]
    public async Task A_streak_summary_rewrite_changes_the_member_rows_only_when_a_copied_column_changes()
    {
        var summary = new StreakSummary(Alice, "alice", "UTC", Today, 3, 5, 1, Now);
        await _database.Stores.Activity.UpsertStreakSummaryAsync(summary);
        var before = await MemberVersionsAsync();

        // Only the summary's own columns (its name copy and its updated_at) change: the reports copy neither.
        await _database.Stores.Activity.UpsertStreakSummaryAsync(summary with { DisplayName = "Alice", UpdatedAt = Now.AddMinutes(5) });
        Assert.Equal(before, await MemberVersionsAsync());

        // One day later with one freeze fewer: the streak still counts through the same day, nothing copied changes.
        await _database.Stores.Activity.UpsertStreakSummaryAsync(summary with { LastActiveDay = Today.AddDays(1), FreezesAtLastDay = 0 });
        Assert.Equal(before, await MemberVersionsAsync());

        await _database.Stores.Activity.UpsertStreakSummaryAsync(summary with { FreezesAtLastDay = 2 });
        Assert.NotEqual(before, await MemberVersionsAsync());
        Assert.Equal([Today.AddDays(3), Today.AddDays(3)], await DatesAsync("streak_alive_through"));
    }

    [Fact]
    public async Task A_learner_write_changes_the_member_rows_only_when_a_copied_column_changes()
    {
        var before = await MemberVersionsAsync();

        // The time zone is not copied (the streak's zone comes from its summary).
        await _database.Stores.Learners.UpsertAsync(new LearnerProfile(Alice, "alice", "Europe/Berlin", 1, [Guild, Workspace], At));
        Assert.Equal(before, await MemberVersionsAsync());

        Assert.True(await _database.Stores.Learners.TryAdvanceWeekAsync(Alice, 1, 2));
        Assert.Equal([2, 2], await ScalarsAsync("current_week"));
        await _database.Stores.Learners.UpsertAsync(new LearnerProfile(Alice, "Alice L", "Europe/Berlin", 2, [Guild, Workspace], At));
        Assert.Equal(["Alice L", "Alice L"], await TextsAsync("display_name"));
    }

    [Fact]
    public async Task A_subscription_rewrite_changes_its_member_row_only_when_a_copied_column_changes()
    {
        var subscription = new Subscription(Alice, Guild, DayOfWeek.Monday, new TimeOnly(9, 0), "UTC", null, At);
        await _database.Stores.Subscriptions.UpsertAsync(subscription);
        var before = await MemberVersionsAsync();

        await _database.Stores.Subscriptions.UpsertAsync(subscription with { CreatedAt = At.AddDays(1) });
        Assert.Equal(before, await MemberVersionsAsync());

        await _database.Stores.Subscriptions.UpsertAsync(subscription with { PausedUntil = Today.AddDays(7) });
        var after = await MemberVersionsAsync();
        Assert.NotEqual(before[0], after[0]);
        Assert.Equal(before[1], after[1]);
    }

    [Fact]
    public async Task A_task_completion_still_reaches_the_member_rows()
    {
        Assert.True(await _database.Stores.Activity.TryAddTaskCompletionAsync(new TaskCompletion(Alice, 1, Today, Now)));
        Assert.Equal([1, 1], await ScalarsAsync("tasks_done"));
    }

    /// <summary>The row versions of Alice's member rows, guild first.</summary>
    private async Task<List<string>> MemberVersionsAsync() =>
        await ColumnAsync("xmin::text", r => r.GetString(0));

    private async Task<List<int>> ScalarsAsync(string column) => await ColumnAsync(column, r => r.GetInt32(0));

    private async Task<List<string>> TextsAsync(string column) => await ColumnAsync(column, r => r.GetString(0));

    private async Task<List<DateOnly>> DatesAsync(string column) => await ColumnAsync(column, r => r.GetFieldValue<DateOnly>(0));

    private async Task<List<T>> ColumnAsync<T>(string column, Func<NpgsqlDataReader, T> read)
    {
        await using var command = _sql.CreateCommand($"SELECT {column} FROM reports_members WHERE learner = $1 ORDER BY community = $2 DESC");
        command.Parameters.AddWithValue(Alice.ToString());
        command.Parameters.AddWithValue(Guild.ToString());
        await using var reader = await command.ExecuteReaderAsync();
        var values = new List<T>();
        while (await reader.ReadAsync())
            values.Add(read(reader));
        Assert.Equal(2, values.Count);
        return values;
    }
}
