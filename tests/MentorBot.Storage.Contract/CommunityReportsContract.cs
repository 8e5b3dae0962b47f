using MentorBot.Core.Delivery;
using MentorBot.Core.Identity;
using MentorBot.Core.Learners;
using MentorBot.Core.Reports;
using MentorBot.Core.Roadmap;
using MentorBot.Core.Streaks;
using MentorBot.Core.Subscriptions;
using Microsoft.Extensions.Time.Testing;
using static MentorBot.Storage.Contract.TestData;

namespace MentorBot.Storage.Contract;

/// <summary>
/// The dashboard's overview and learners table. The guild has four learners (one of them also in the workspace); the
/// workspace's own learner, Bob, and the guild learners' records in the workspace must never show in the guild's figures.
/// Now is Wednesday 2026-12-02 12:00 UTC; the ISO week began on Monday 2026-11-30.
/// </summary>
public abstract class CommunityReportsContract : StorageContract
{
    private static readonly DateTimeOffset Now = new(2026, 12, 2, 12, 0, 0, TimeSpan.Zero);
    private static readonly DateOnly Today = new(2026, 12, 2);
    private static readonly LearnerId Carol = new("discord", "100");
    private static readonly LearnerId Dave = new("discord", "200");
    private static readonly LearnerId Eve = new("discord", "300");

    private readonly FakeTimeProvider _time = new(Now);

    private ICommunityReports Reports => Stores.Reports;

    private async Task SeedAsync()
    {
        await Learner(Alice, "alice", 3, Guild);
        await Learner(Carol, "Carol <b>", 1, Guild);
        await Learner(Dave, "dave", 3, Guild);
        await Learner(Eve, "Eve", 5, Guild, Workspace);
        await Learner(Bob, "Bob", 7, Workspace);

        await Checkin(Alice, Today, Now.AddHours(-2));
        await Checkin(Alice, Today.AddDays(-1), Now.AddDays(-1));
        await Checkin(Carol, Today.AddDays(-8), Now.AddDays(-8));
        await Checkin(Bob, Today, Now.AddHours(-1));
        await Checkin(Eve, Today.AddDays(-100), Now.AddDays(-100));
        // 00:30 UTC on the 2nd is the evening of the 1st in New York: the chart counts it on the UTC day, the 2nd.
        await Checkin(Eve, Today.AddDays(-1), new DateTimeOffset(2026, 12, 1, 19, 30, 0, TimeSpan.FromHours(-5)));

        await Stores.Activity.TryAddTaskCompletionAsync(new TaskCompletion(Alice, 1, Today.AddDays(-20), Now.AddDays(-20)));
        await Stores.Activity.TryAddTaskCompletionAsync(new TaskCompletion(Alice, 2, Today.AddDays(-2), Now.AddDays(-2)));
        // Dave is active through a task alone.
        await Stores.Activity.TryAddTaskCompletionAsync(new TaskCompletion(Dave, 1, Today.AddDays(-4), Now.AddDays(-4)));
        await Stores.Activity.TryAddTaskCompletionAsync(new TaskCompletion(Dave, 2, Today.AddDays(-3), Now.AddDays(-3)));

        await Summary(Alice, "UTC", Today, current: 5, longest: 9);
        await Summary(Carol, "UTC", Today.AddDays(-8), current: 3, longest: 3);
        // In Kiritimati (UTC+14) it is already the 3rd, so a streak last extended on the 1st has lapsed; in UTC it would not have.
        await Summary(Eve, "Pacific/Kiritimati", Today.AddDays(-1), current: 2, longest: 4);
        await Summary(Bob, "UTC", Today, current: 40, longest: 40);

        await Stores.Subscriptions.UpsertAsync(new Subscription(Alice, Guild, DayOfWeek.Monday, new TimeOnly(9, 0), "Europe/Berlin", null, At));
        await Stores.Subscriptions.UpsertAsync(new Subscription(Carol, Guild, DayOfWeek.Sunday, new TimeOnly(18, 30), "UTC", new DateOnly(2026, 12, 20), At));
        await Stores.Subscriptions.UpsertAsync(new Subscription(Eve, Workspace, DayOfWeek.Friday, new TimeOnly(7, 0), "UTC", null, At));
        await Stores.Subscriptions.UpsertAsync(new Subscription(Bob, Workspace, DayOfWeek.Friday, new TimeOnly(7, 0), "UTC", null, At));

        var monday = new DateTimeOffset(2026, 11, 30, 9, 0, 0, TimeSpan.Zero);
        await Stores.Outbox.TryEnqueueManyAsync(
        [
            Delivery(Alice, "2026-W49", monday, DeliveryRecordStatus.Sent, 1),
            Delivery(Carol, "2026-W49", monday.AddDays(2), DeliveryRecordStatus.Pending, 0),
            Delivery(Carol, "2026-W48", monday.AddHours(-8), DeliveryRecordStatus.Skipped, 0),
            Delivery(Dave, "2026-W49", monday.AddDays(1), DeliveryRecordStatus.Pending, 2),
            Delivery(Eve, "2026-W49", monday.AddDays(1), DeliveryRecordStatus.Undeliverable, 1),
            // Last week's, and the workspace's, are not this week's guild deliveries.
            Delivery(Alice, "2026-W48", monday.AddDays(-1), DeliveryRecordStatus.Sent, 1),
            Delivery(Bob, "2026-W49", monday, DeliveryRecordStatus.Sent, 1, Workspace),
        ]);
    }

    [Fact]
    public async Task Overview_counts_only_the_community_s_learners()
    {
        await SeedAsync();

        var overview = await Reports.GetOverviewAsync(Guild, _time);

        Assert.Equal(Now, overview.AsOf);
        Assert.Equal(4, overview.Learners);
        Assert.Equal(2, overview.Subscribed);
        Assert.Equal(3, overview.ActiveLast7Days);

        var workspace = await Reports.GetOverviewAsync(Workspace, _time);
        Assert.Equal(2, workspace.Learners);
        Assert.Equal(2, workspace.Subscribed);
        Assert.Equal(2, workspace.ActiveLast7Days);
    }

    [Fact]
    public async Task Checkins_per_day_cover_84_UTC_days_with_zero_days()
    {
        await SeedAsync();

        var days = (await Reports.GetOverviewAsync(Guild, _time)).CheckinsPerDay;

        Assert.Equal(84, days.Count);
        Assert.Equal(Today.AddDays(-83), days[0].Day);
        Assert.Equal(Today, days[^1].Day);
        Assert.Equal(Enumerable.Range(0, 84).Select(i => Today.AddDays(i - 83)), days.Select(d => d.Day));
        Assert.Equal(2, days[^1].Count);
        Assert.Equal(1, days[^2].Count);
        Assert.Equal(1, days[^9].Count);
        Assert.Equal(4, days.Sum(d => d.Count));

        var workspace = (await Reports.GetOverviewAsync(Workspace, _time)).CheckinsPerDay;
        Assert.Equal(2, workspace[^1].Count);
        Assert.Equal(2, workspace.Sum(d => d.Count));
    }

    [Fact]
    public async Task Funnel_and_streaks_are_per_current_week_and_aged_streak()
    {
        await SeedAsync();

        var overview = await Reports.GetOverviewAsync(Guild, _time);

        Assert.Equal([new(1, 1), new(2, 0), new(3, 2), new(4, 0), new(5, 1)], overview.RoadmapFunnel);
        Assert.Equal(["0", "1", "2–3", "4–7", "8–14", "15–30", "31+"], overview.StreakDistribution.Select(b => b.Label));
        Assert.Equal([3, 0, 0, 1, 0, 0, 0], overview.StreakDistribution.Select(b => b.Learners));
        Assert.Equal([1, 0, 0, 0, 0, 0, 1], (await Reports.GetOverviewAsync(Workspace, _time)).StreakDistribution.Select(b => b.Learners));
    }

    [Fact]
    public async Task Deliveries_are_this_ISO_week_s_by_outcome()
    {
        await SeedAsync();

        var deliveries = (await Reports.GetOverviewAsync(Guild, _time)).Deliveries;

        Assert.Equal(new DeliveryWeekCounts(new DateOnly(2026, 11, 30), Sent: 1, Deferred: 1, Pending: 1, Failed: 1, Undeliverable: 1), deliveries);
    }

    [Fact]
    public async Task An_empty_community_has_zero_figures()
    {
        await SeedAsync();

        var overview = await Reports.GetOverviewAsync(new CommunityId("discord", "9"), _time);

        Assert.Equal(0, overview.Learners);
        Assert.Equal(84, overview.CheckinsPerDay.Count);
        Assert.All(overview.CheckinsPerDay, d => Assert.Equal(0, d.Count));
        Assert.Empty(overview.RoadmapFunnel);
        Assert.Equal(0, overview.Deliveries.Total);
        Assert.Empty((await Reports.ListLearnersAsync(new CommunityId("discord", "9"), new LearnerQuery(), _time)).Rows);
    }

    [Fact]
    public async Task Learner_rows_hold_each_column()
    {
        await SeedAsync();

        var page = await Reports.ListLearnersAsync(Guild, new LearnerQuery(), _time);

        Assert.Equal(4, page.Total);
        Assert.Equal(["alice", "Carol <b>", "dave", "Eve"], page.Rows.Select(r => r.DisplayName));
        Assert.Equal(
            new LearnerRow(Alice, "alice", 3, 2, 5, 9, Now.AddHours(-2), new SubscriptionCell(DayOfWeek.Monday, new TimeOnly(9, 0), "Europe/Berlin", null)),
            page.Rows[0]);
        Assert.Equal(
            new LearnerRow(Carol, "Carol <b>", 1, 0, 0, 3, Now.AddDays(-8), new SubscriptionCell(DayOfWeek.Sunday, new TimeOnly(18, 30), "UTC", new DateOnly(2026, 12, 20))),
            page.Rows[1]);
        Assert.Equal(new LearnerRow(Dave, "dave", 3, 2, 0, 0, Now.AddDays(-3), null), page.Rows[2]);
        // Eve's subscription belongs to the workspace, so the guild's table shows none.
        Assert.Equal(new LearnerRow(Eve, "Eve", 5, 0, 0, 4, new DateTimeOffset(2026, 12, 2, 0, 30, 0, TimeSpan.Zero), null), page.Rows[3]);
        Assert.Equal("discord", page.Rows[0].Platform);
        Assert.All(page.Rows, r => Assert.Equal(TimeSpan.Zero, r.LastActive!.Value.Offset));
    }

    public static TheoryData<LearnerSort, bool, string[]> Orders => new()
    {
        { LearnerSort.DisplayName, true, ["Eve", "dave", "Carol <b>", "alice"] },
        { LearnerSort.CurrentStreak, true, ["alice", "Carol <b>", "dave", "Eve"] },
        { LearnerSort.CurrentStreak, false, ["Carol <b>", "dave", "Eve", "alice"] },
        { LearnerSort.TasksDone, true, ["dave", "alice", "Carol <b>", "Eve"] },
        { LearnerSort.LongestStreak, false, ["dave", "Carol <b>", "Eve", "alice"] },
        { LearnerSort.CurrentWeek, true, ["Eve", "dave", "alice", "Carol <b>"] },
        { LearnerSort.LastActive, false, ["Carol <b>", "dave", "Eve", "alice"] },
        { LearnerSort.LastActive, true, ["alice", "Eve", "dave", "Carol <b>"] },
        { LearnerSort.Subscription, false, ["dave", "Eve", "Carol <b>", "alice"] },
        { LearnerSort.Subscription, true, ["alice", "Carol <b>", "dave", "Eve"] },
        { LearnerSort.Platform, false, ["Carol <b>", "dave", "Eve", "alice"] },
    };

    [Theory]
    [MemberData(nameof(Orders))]
    public async Task Learners_sort_by_any_column_either_way_ties_by_id(LearnerSort sort, bool descending, string[] expected)
    {
        await SeedAsync();

        var page = await Reports.ListLearnersAsync(Guild, new LearnerQuery(SortBy: sort, Descending: descending), _time);

        Assert.Equal(expected, page.Rows.Select(r => r.DisplayName));
    }

    [Theory]
    [InlineData(LearnerSort.CurrentStreak, false)]
    [InlineData(LearnerSort.CurrentStreak, true)]
    [InlineData(LearnerSort.TasksDone, true)]
    [InlineData(LearnerSort.LastActive, false)]
    public async Task Pages_of_every_size_join_up_to_the_full_order(LearnerSort sort, bool descending)
    {
        await SeedAsync();
        // Frank's streak is live, Gina's lapsed: live and lapsed streaks on both sides of a page boundary.
        var frank = new LearnerId("discord", "400");
        var gina = new LearnerId("discord", "500");
        await Learner(frank, "frank", 2, Guild);
        await Learner(gina, "gina", 2, Guild);
        await Summary(frank, "UTC", Today, current: 5, longest: 5);
        await Summary(gina, "UTC", Today.AddDays(-5), current: 9, longest: 9);
        var all = (await Reports.ListLearnersAsync(Guild, new LearnerQuery(SortBy: sort, Descending: descending), _time)).Rows.Select(r => r.Learner).ToList();
        Assert.Equal(6, all.Count);

        for (var size = 1; size <= 4; size++)
        {
            var joined = new List<LearnerId>();
            for (var number = 1; number <= (all.Count + size - 1) / size; number++)
            {
                var page = await Reports.ListLearnersAsync(Guild, new LearnerQuery(SortBy: sort, Descending: descending, Page: number, PageSize: size), _time);
                Assert.Equal(6, page.Total);
                joined.AddRange(page.Rows.Select(r => r.Learner));
            }
            Assert.Equal(all, joined);
        }
    }

    [Fact]
    public async Task Search_is_a_case_insensitive_contains_and_counts_its_matches()
    {
        await SeedAsync();

        var page = await Reports.ListLearnersAsync(Guild, new LearnerQuery(Search: " AR "), _time);
        Assert.Equal(["Carol <b>"], page.Rows.Select(r => r.DisplayName));
        Assert.Equal(1, page.Total);

        var e = await Reports.ListLearnersAsync(Guild, new LearnerQuery(Search: "E"), _time);
        Assert.Equal(["alice", "dave", "Eve"], e.Rows.Select(r => r.DisplayName));

        // Bob is only in the workspace.
        Assert.Equal(0, (await Reports.ListLearnersAsync(Guild, new LearnerQuery(Search: "bob"), _time)).Total);
        // Search text is data, not a pattern.
        Assert.Equal(0, (await Reports.ListLearnersAsync(Guild, new LearnerQuery(Search: "%"), _time)).Total);
        Assert.Equal(["Carol <b>"], (await Reports.ListLearnersAsync(Guild, new LearnerQuery(Search: "<B>"), _time)).Rows.Select(r => r.DisplayName));
    }

    [Fact]
    public async Task Pages_are_stable_and_carry_the_total()
    {
        await SeedAsync();

        var second = await Reports.ListLearnersAsync(Guild, new LearnerQuery(Page: 2, PageSize: 3), _time);
        Assert.Equal(["Eve"], second.Rows.Select(r => r.DisplayName));
        Assert.Equal(4, second.Total);
        Assert.Equal(2, second.PageCount);

        var beyond = await Reports.ListLearnersAsync(Guild, new LearnerQuery(Page: 5, PageSize: 3), _time);
        Assert.Empty(beyond.Rows);
        Assert.Equal(4, beyond.Total);
    }

    [Theory]
    [InlineData(0, 1)]
    [InlineData(201, 1)]
    [InlineData(50, 0)]
    public async Task A_bad_page_is_refused_with_a_clear_message(int pageSize, int page)
    {
        var error = await Assert.ThrowsAsync<ArgumentException>(() => Reports.ListLearnersAsync(Guild, new LearnerQuery(Page: page, PageSize: pageSize), _time));
        Assert.Contains(page < 1 ? "page number" : "page size", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Writes_after_a_report_show_in_the_next_one()
    {
        await SeedAsync();
        await Reports.GetOverviewAsync(Guild, _time);
        await Reports.ListLearnersAsync(Guild, new LearnerQuery(), _time);

        await Checkin(Dave, Today, Now.AddMinutes(-5));
        await Stores.Activity.TryAddTaskCompletionAsync(new TaskCompletion(Carol, 1, Today, Now.AddMinutes(-1)));
        await Summary(Dave, "UTC", Today, current: 1, longest: 1);
        await Stores.Subscriptions.DeleteAsync(Alice);
        // Bob joins the guild: his check-ins count there from now on, as the other members' do.
        await Learner(Bob, "Bob", 7, Workspace, Guild);
        await Stores.Learners.TryAdvanceWeekAsync(Carol, 1, 2);

        var overview = await Reports.GetOverviewAsync(Guild, _time);
        Assert.Equal(5, overview.Learners);
        Assert.Equal(1, overview.Subscribed);
        Assert.Equal(5, overview.ActiveLast7Days);
        Assert.Equal(4, overview.CheckinsPerDay[^1].Count);
        Assert.Equal([new(1, 0), new(2, 1), new(3, 2), new(4, 0), new(5, 1), new(6, 0), new(7, 1)], overview.RoadmapFunnel);
        Assert.Equal([2, 1, 0, 1, 0, 0, 1], overview.StreakDistribution.Select(b => b.Learners));

        var carol = (await Reports.ListLearnersAsync(Guild, new LearnerQuery(Search: "carol"), _time)).Rows.Single();
        Assert.Equal((2, 1, Now.AddMinutes(-1)), (carol.CurrentWeek, carol.TasksDone, carol.LastActive!.Value));

        // And Bob leaves the workspace: its figures lose him and his check-in.
        await Learner(Bob, "Bob", 7, Guild);
        var workspace = await Reports.GetOverviewAsync(Workspace, _time);
        Assert.Equal(1, workspace.Learners);
        Assert.Equal(1, workspace.CheckinsPerDay[^1].Count);
    }

    // What the stores must keep current on every write (PostgreSQL: migration 8's triggers; LiteDB: the projection).

    [Fact]
    public async Task A_renamed_learner_is_listed_found_and_sorted_by_the_new_name_keeping_the_rest()
    {
        await SeedAsync();
        await Reports.ListLearnersAsync(Guild, new LearnerQuery(), _time);

        await Learner(Carol, "Zed", 1, Guild);

        var page = await Reports.ListLearnersAsync(Guild, new LearnerQuery(), _time);
        Assert.Equal(["alice", "dave", "Eve", "Zed"], page.Rows.Select(r => r.DisplayName));
        Assert.Equal(
            new LearnerRow(Carol, "Zed", 1, 0, 0, 3, Now.AddDays(-8), new SubscriptionCell(DayOfWeek.Sunday, new TimeOnly(18, 30), "UTC", new DateOnly(2026, 12, 20))),
            page.Rows[3]);
        Assert.Equal(0, (await Reports.ListLearnersAsync(Guild, new LearnerQuery(Search: "carol"), _time)).Total);
        Assert.Equal([Carol], (await Reports.ListLearnersAsync(Guild, new LearnerQuery(Search: "ZE"), _time)).Rows.Select(r => r.Learner));
    }

    [Fact]
    public async Task Unsubscribing_or_moving_a_subscription_shows_only_in_its_community()
    {
        await SeedAsync();
        await Reports.GetOverviewAsync(Guild, _time);

        await Stores.Subscriptions.DeleteAsync(Alice);
        // Eve's subscription moves from the workspace to the guild.
        await Stores.Subscriptions.UpsertAsync(new Subscription(Eve, Guild, DayOfWeek.Tuesday, new TimeOnly(8, 15), "Asia/Tokyo", null, At));

        var guild = await Reports.ListLearnersAsync(Guild, new LearnerQuery(), _time);
        Assert.Null(guild.Rows.Single(r => r.Learner == Alice).Subscription);
        Assert.Equal(new SubscriptionCell(DayOfWeek.Tuesday, new TimeOnly(8, 15), "Asia/Tokyo", null), guild.Rows.Single(r => r.Learner == Eve).Subscription);
        Assert.Equal(2, (await Reports.GetOverviewAsync(Guild, _time)).Subscribed);
        var workspace = await Reports.ListLearnersAsync(Workspace, new LearnerQuery(), _time);
        Assert.Null(workspace.Rows.Single(r => r.Learner == Eve).Subscription);
        Assert.NotNull(workspace.Rows.Single(r => r.Learner == Bob).Subscription);
        Assert.Equal(1, (await Reports.GetOverviewAsync(Workspace, _time)).Subscribed);
        Assert.Equal(["dave", "alice", "Carol <b>", "Eve"],
            (await Reports.ListLearnersAsync(Guild, new LearnerQuery(SortBy: LearnerSort.Subscription), _time)).Rows.Select(r => r.DisplayName));
    }

    [Fact]
    public async Task A_forgotten_learner_leaves_every_figure_of_every_community()
    {
        await SeedAsync();
        await Reports.GetOverviewAsync(Guild, _time);

        await Stores.LearnerData.ForgetAsync(Eve);

        var guild = await Reports.GetOverviewAsync(Guild, _time);
        Assert.Equal((3, 2, 2), (guild.Learners, guild.Subscribed, guild.ActiveLast7Days));
        Assert.Equal(1, guild.CheckinsPerDay[^1].Count);
        Assert.Equal([new(1, 1), new(2, 0), new(3, 2)], guild.RoadmapFunnel);
        var rows = await Reports.ListLearnersAsync(Guild, new LearnerQuery(SortBy: LearnerSort.LastActive), _time);
        Assert.Equal(["Carol <b>", "dave", "alice"], rows.Rows.Select(r => r.DisplayName));
        Assert.Equal(3, rows.Total);
        var workspace = await Reports.GetOverviewAsync(Workspace, _time);
        Assert.Equal((1, 1, 1), (workspace.Learners, workspace.Subscribed, workspace.ActiveLast7Days));
        Assert.Equal(0, (await Reports.ListLearnersAsync(Workspace, new LearnerQuery(Search: "eve"), _time)).Total);
    }

    [Fact]
    public async Task Current_streaks_age_with_the_clock_in_each_learner_s_zone_without_any_write()
    {
        var frank = new LearnerId("discord", "400");
        var gina = new LearnerId("discord", "500");
        await Learner(Dave, "dave", 1, Guild);
        await Learner(frank, "frank", 1, Guild);
        await Learner(gina, "gina", 1, Guild);
        // All three last checked in on their local 2 December: Dave in UTC with no freeze, Frank in UTC with one,
        // Gina in Los Angeles (UTC-8) with none.
        await Stores.Activity.UpsertStreakSummaryAsync(new StreakSummary(Dave, "x", "UTC", Today, 4, 4, 0, Now));
        await Stores.Activity.UpsertStreakSummaryAsync(new StreakSummary(frank, "x", "UTC", Today, 6, 6, 1, Now));
        await Stores.Activity.UpsertStreakSummaryAsync(new StreakSummary(gina, "x", "America/Los_Angeles", Today, 2, 5, 0, Now));

        async Task<int[]> StreaksAsync()
        {
            var rows = (await Reports.ListLearnersAsync(Guild, new LearnerQuery(), _time)).Rows;
            var byStreak = await Reports.ListLearnersAsync(Guild, new LearnerQuery(SortBy: LearnerSort.CurrentStreak, Descending: true), _time);
            Assert.Equal(rows.OrderByDescending(r => r.CurrentStreak).ThenBy(r => r.Learner.ToString(), StringComparer.Ordinal).Select(r => r.Learner),
                byStreak.Rows.Select(r => r.Learner));
            var overview = await Reports.GetOverviewAsync(Guild, _time);
            Assert.Equal(rows.Count(r => r.CurrentStreak == 0), overview.StreakDistribution[0].Learners);
            return [.. rows.Select(r => r.CurrentStreak)];
        }

        Assert.Equal(new[] { 4, 6, 2 }, await StreaksAsync());
        _time.SetUtcNow(new DateTimeOffset(2026, 12, 3, 23, 59, 0, TimeSpan.Zero));
        Assert.Equal(new[] { 4, 6, 2 }, await StreaksAsync());
        // 4 December in UTC; still the 3rd in Los Angeles until 08:00 UTC.
        _time.SetUtcNow(new DateTimeOffset(2026, 12, 4, 7, 59, 0, TimeSpan.Zero));
        Assert.Equal(new[] { 0, 6, 2 }, await StreaksAsync());
        _time.SetUtcNow(new DateTimeOffset(2026, 12, 4, 8, 0, 0, TimeSpan.Zero));
        Assert.Equal(new[] { 0, 6, 0 }, await StreaksAsync());
        _time.SetUtcNow(new DateTimeOffset(2026, 12, 5, 0, 0, 0, TimeSpan.Zero));
        Assert.Equal(new[] { 0, 0, 0 }, await StreaksAsync());

        // A check-in on the new day: the written summary counts from it.
        await Checkin(Dave, new DateOnly(2026, 12, 5), _time.GetUtcNow());
        await Stores.Activity.UpsertStreakSummaryAsync(new StreakSummary(Dave, "x", "UTC", new DateOnly(2026, 12, 5), 1, 4, 0, _time.GetUtcNow()));
        Assert.Equal(new[] { 1, 0, 0 }, await StreaksAsync());
        Assert.Equal(_time.GetUtcNow(), (await Reports.ListLearnersAsync(Guild, new LearnerQuery(), _time)).Rows[0].LastActive);
    }

    [Fact]
    public async Task A_learner_in_two_communities_shows_alike_in_both_and_leaving_one_keeps_the_other()
    {
        await SeedAsync();
        await Reports.GetOverviewAsync(Guild, _time);

        await Checkin(Eve, Today, Now.AddMinutes(-10));
        await Stores.Activity.TryAddTaskCompletionAsync(new TaskCompletion(Eve, 1, Today, Now.AddMinutes(-9)));
        await Summary(Eve, "UTC", Today, current: 3, longest: 4);
        await Learner(Eve, "Eve B", 6, Guild, Workspace);

        var expected = new LearnerRow(Eve, "Eve B", 6, 1, 3, 4, Now.AddMinutes(-9), null);
        Assert.Equal(expected, await RowAsync(Guild, Eve));
        Assert.Equal(expected with { Subscription = new SubscriptionCell(DayOfWeek.Friday, new TimeOnly(7, 0), "UTC", null) }, await RowAsync(Workspace, Eve));

        await Learner(Eve, "Eve B", 6, Workspace);
        Assert.Null(await RowAsync(Guild, Eve));
        Assert.Equal(3, (await Reports.GetOverviewAsync(Guild, _time)).Learners);
        Assert.Equal(expected with { Subscription = new SubscriptionCell(DayOfWeek.Friday, new TimeOnly(7, 0), "UTC", null) }, await RowAsync(Workspace, Eve));

        // Rejoining brings everything written meanwhile.
        await Stores.Activity.TryAddTaskCompletionAsync(new TaskCompletion(Eve, 2, Today, Now.AddMinutes(-1)));
        await Learner(Eve, "Eve B", 6, Workspace, Guild);
        Assert.Equal(expected with { TasksDone = 2, LastActive = Now.AddMinutes(-1) }, await RowAsync(Guild, Eve));
        Assert.Equal(4, (await Reports.GetOverviewAsync(Guild, _time)).Learners);
    }

    [Fact]
    public async Task Activity_written_before_the_profile_shows_once_the_profile_exists()
    {
        var frank = new LearnerId("slack", "U0FRANK");
        await Checkin(frank, Today, Now.AddHours(-3));
        await Stores.Activity.TryAddTaskCompletionAsync(new TaskCompletion(frank, 1, Today, Now.AddHours(-2)));
        await Summary(frank, "UTC", Today, current: 7, longest: 8);
        await Stores.Subscriptions.UpsertAsync(new Subscription(frank, Workspace, DayOfWeek.Saturday, new TimeOnly(10, 0), "UTC", null, At));
        Assert.Equal(0, (await Reports.GetOverviewAsync(Workspace, _time)).Learners);

        await Learner(frank, "Frank", 2, Workspace);

        Assert.Equal(new LearnerRow(frank, "Frank", 2, 1, 7, 8, Now.AddHours(-2), new SubscriptionCell(DayOfWeek.Saturday, new TimeOnly(10, 0), "UTC", null)),
            await RowAsync(Workspace, frank));
        var overview = await Reports.GetOverviewAsync(Workspace, _time);
        Assert.Equal((1, 1, 1, 1), (overview.Learners, overview.Subscribed, overview.ActiveLast7Days, overview.CheckinsPerDay[^1].Count));
    }

    private async Task<LearnerRow?> RowAsync(CommunityId community, LearnerId learner) =>
        (await Reports.ListLearnersAsync(community, new LearnerQuery(PageSize: LearnerQuery.MaxPageSize), _time)).Rows.SingleOrDefault(r => r.Learner == learner);

    private Task Learner(LearnerId id, string name, int week, params CommunityId[] communities) =>
        Stores.Learners.UpsertAsync(new LearnerProfile(id, name, "UTC", week, communities, At));

    private Task<bool> Checkin(LearnerId learner, DateOnly localDate, DateTimeOffset at) =>
        Stores.Activity.TryAddCheckinAsync(new Checkin(learner, localDate, at, null));

    private Task Summary(LearnerId learner, string zone, DateOnly lastActive, int current, int longest) =>
        Stores.Activity.UpsertStreakSummaryAsync(new StreakSummary(learner, "ignored", zone, lastActive, current, longest, 0, Now));

    private static DeliveryRecord Delivery(LearnerId learner, string week, DateTimeOffset slot, DeliveryRecordStatus status, int attempts, CommunityId? community = null) => new(
        DeliveryKeys.For(learner, week), learner, community ?? Guild, slot, week, 2, DeliveryKind.Task, status, attempts, slot, slot,
        status is DeliveryRecordStatus.Pending ? null : slot, null);
}
