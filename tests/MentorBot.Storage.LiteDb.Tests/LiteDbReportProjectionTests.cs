using LiteDB;
using MentorBot.Core.Identity;
using MentorBot.Core.Learners;
using MentorBot.Core.Reports;
using MentorBot.Core.Streaks;
using Microsoft.Extensions.Time.Testing;

namespace MentorBot.Storage.LiteDb.Tests;

/// <summary>
/// The in-memory projection behind LiteDB's reports follows the file through what only LiteDB does: explicit
/// transactions (a rolled-back write never shows, a committed one shows once) and writes by expression (which it
/// cannot follow, so it rebuilds).
/// </summary>
public sealed class LiteDbReportProjectionTests : IDisposable
{
    private static readonly DateTimeOffset Now = new(2026, 12, 2, 12, 0, 0, TimeSpan.Zero);
    private static readonly CommunityId Guild = new("discord", "1");
    private static readonly LearnerId Ann = new("discord", "10");

    private readonly TempDatabase _file = new();
    private readonly FakeTimeProvider _time = new(Now);

    private LiteDbCommunityReports Reports => new(_file.Context);

    private LiteDbActivityStore Activity => new(_file.Context);

    public LiteDbReportProjectionTests() =>
        new LiteDbLearnerStore(_file.Context).UpsertAsync(new LearnerProfile(Ann, "Ann", "UTC", 1, [Guild], Now)).GetAwaiter().GetResult();

    private async Task<int> CheckinsTodayAsync() => (await Reports.GetOverviewAsync(Guild, _time)).CheckinsPerDay[^1].Count;

    [Fact]
    public async Task A_rolled_back_write_never_shows_and_a_committed_one_shows_once()
    {
        Assert.Equal(0, await CheckinsTodayAsync());
        var database = _file.Context.Database;

        database.BeginTrans();
        Assert.True(await Activity.TryAddCheckinAsync(new Checkin(Ann, new DateOnly(2026, 12, 2), Now, null)));
        database.Rollback();
        Assert.Equal(0, await CheckinsTodayAsync());

        database.BeginTrans();
        Assert.True(await Activity.TryAddCheckinAsync(new Checkin(Ann, new DateOnly(2026, 12, 2), Now, null)));
        Assert.Equal(0, await CheckinsTodayAsync());
        database.Commit();
        Assert.Equal(1, await CheckinsTodayAsync());
    }

    [Fact]
    public async Task A_delete_by_expression_makes_the_next_report_read_the_file_again()
    {
        await Activity.TryAddCheckinAsync(new Checkin(Ann, new DateOnly(2026, 12, 2), Now, null));
        await Activity.TryAddCheckinAsync(new Checkin(Ann, new DateOnly(2026, 12, 1), Now.AddDays(-1), null));
        Assert.Equal(1, await CheckinsTodayAsync());

        _file.Context.Checkins.DeleteMany(Query.EQ("LocalDate", "2026-12-02"));

        var days = (await Reports.GetOverviewAsync(Guild, _time)).CheckinsPerDay;
        Assert.Equal((0, 1), (days[^1].Count, days[^2].Count));
    }

    [Fact]
    public async Task A_reopened_file_shows_what_the_last_process_wrote()
    {
        await Activity.TryAddCheckinAsync(new Checkin(Ann, new DateOnly(2026, 12, 2), Now, null));
        Assert.Equal(1, await CheckinsTodayAsync());

        _file.Reopen();

        Assert.Equal(1, await CheckinsTodayAsync());
        Assert.Equal(1, (await Reports.ListLearnersAsync(Guild, new LearnerQuery(), _time)).Total);
    }

    public void Dispose() => _file.Dispose();
}
