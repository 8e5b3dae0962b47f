using MentorBot.Core.Delivery;
using MentorBot.Core.Identity;
using MentorBot.Core.Reports;
using MentorBot.Core.Streaks;
using MentorBot.Core.Time;
using Npgsql;

namespace MentorBot.Storage.Postgres;

/// <summary>
/// The dashboard's reports in SQL. Both pages read one table, <c>reports_members</c> (migration 8): a row per community
/// and member with every column they show, kept by triggers in the writing transaction. The check-ins chart reads the
/// migration-6 daily aggregate, the deliveries the outbox's covering index.
/// A current streak is the stored streak aged to the learner's local today, as <see cref="LeaderboardService"/> does it:
/// the local today of every zone is computed here (<see cref="LocalTodays"/>) and looked up, so SQL never has to know
/// time-zone rules, and the table never needs an update because a day has passed.
/// </summary>
public sealed class PostgresCommunityReports(PostgresStorage storage) : ICommunityReports
{
    private const long TicksPerDay = TimeSpan.TicksPerDay;

    // A member's current streak: alive while the local today of its zone is not past streak_alive_through. $3 is a jsonb
    // object of every zone's local today, $4 UTC today (for a zone the system does not know, as TimeZones.FindOrUtc
    // falls back to UTC), $5 and $6 the earliest and latest of those todays: a streak alive through the latest is
    // alive everywhere and one ending before the earliest is over everywhere, so only the few between look up their zone.
    private const string CurrentStreak = """
        CASE WHEN m.streak_alive_through >= $6::date THEN m.streak_current
             WHEN m.streak_alive_through IS NULL OR m.streak_alive_through < $5::date THEN 0
             WHEN m.streak_alive_through >= COALESCE(($3::jsonb ->> m.streak_zone)::date, $4::date) THEN m.streak_current
             ELSE 0 END
        """;

    private const string Columns = $"""
        m.learner, m.display_name, m.current_week, m.tasks_done, {CurrentStreak}, m.longest, m.last_active_utc_ticks,
        m.sub_day, m.sub_time_ticks, m.sub_zone, m.sub_paused_until
        """;

    // $2 the search needle or null: a case-insensitive contains.
    private const string Matches = "($2::text IS NULL OR strpos(lower(m.display_name), lower($2::text)) > 0)";

    public async Task<CommunityOverview> GetOverviewAsync(CommunityId community, TimeProvider time, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(time);
        var now = time.GetUtcNow();
        var todays = LocalTodays.At(now);
        var key = community.ToString();

        // $2 is the activity window's start here, not a needle.
        var groups = await storage.DataSource.QueryAsync($"""
            SELECT m.current_week, {CurrentStreak}, COALESCE(m.last_active_utc_ticks >= $2, false), m.sub_day IS NOT NULL, count(*)::integer
            FROM reports_members m WHERE m.community = $1 GROUP BY 1, 2, 3, 4
            """,
            r => (Week: r.GetInt32(0), Streak: r.GetInt32(1), Active: r.GetBoolean(2), Subscribed: r.GetBoolean(3), Count: r.GetInt32(4)),
            cancellationToken, key, ReportWindow.ActiveSince(now).UtcTicks, todays.Json, ReportWindow.UtcToday(now), todays.Earliest, todays.Latest).ConfigureAwait(false);

        var first = ReportWindow.FirstDay(now);
        var days = await storage.DataSource.QueryAsync(
            "SELECT utc_day, checkins FROM reports_checkins_daily WHERE community = $1 AND utc_day BETWEEN $2 AND $3",
            r => (Day: DateOnly.FromDayNumber(r.GetInt32(0)), Count: r.GetInt32(1)),
            cancellationToken, key, first.DayNumber, ReportWindow.UtcToday(now).DayNumber).ConfigureAwait(false);

        var (weekStart, weekEnd) = ReportWindow.Week(now);
        var outcomes = await storage.DataSource.QueryAsync("""
            SELECT status, attempts > 0, count(*)::integer FROM deliveries
            WHERE community = $1 AND slot_utc_ticks >= $2 AND slot_utc_ticks < $3 GROUP BY 1, 2
            """,
            r => (Status: r.GetString(0), Attempted: r.GetBoolean(1), Count: r.GetInt32(2)),
            cancellationToken, key, weekStart.UtcTicks, weekEnd.UtcTicks).ConfigureAwait(false);

        return new CommunityOverview(
            now,
            groups.Sum(g => g.Count),
            groups.Where(g => g.Subscribed).Sum(g => g.Count),
            groups.Where(g => g.Active).Sum(g => g.Count),
            ReportWindow.FillDays(now, days.ToDictionary(d => d.Day, d => d.Count)),
            ReportWindow.FillWeeks(groups.GroupBy(g => g.Week).Select(g => KeyValuePair.Create(g.Key, g.Sum(x => x.Count)))),
            StreakBuckets.From(groups.GroupBy(g => g.Streak).Select(g => KeyValuePair.Create(g.Key, g.Sum(x => x.Count)))),
            new DeliveryWeekCounts(
                ReportWindow.WeekStart(now),
                Sent: Count(outcomes, nameof(DeliveryRecordStatus.Sent)),
                Deferred: outcomes.Where(o => o.Status == nameof(DeliveryRecordStatus.Pending) && o.Attempted).Sum(o => o.Count),
                Pending: outcomes.Where(o => o.Status == nameof(DeliveryRecordStatus.Pending) && !o.Attempted).Sum(o => o.Count),
                Failed: Count(outcomes, nameof(DeliveryRecordStatus.Skipped)),
                Undeliverable: Count(outcomes, nameof(DeliveryRecordStatus.Undeliverable))));
    }

    public async Task<LearnerPage> ListLearnersAsync(CommunityId community, LearnerQuery query, TimeProvider time, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(time);
        query.Validate();
        var now = time.GetUtcNow();
        var todays = LocalTodays.At(now);
        // Missing values sort first ascending, last descending; a NOT NULL column states no NULLS clause, so its order is
        // exactly that of its migration-8 index (read forwards or backwards) and a page is read off the index.
        var direction = query.Descending ? "DESC" : "ASC";
        var nulls = query.Descending ? "DESC NULLS LAST" : "ASC NULLS FIRST";
        // Each column's SQL states the order LearnerRowOrder states in memory; both are held to it by the contract suite.
        var order = query.SortBy switch
        {
            LearnerSort.DisplayName => $"lower(m.display_name) COLLATE \"C\" {direction}, m.display_name COLLATE \"C\" {direction}",
            LearnerSort.Platform => $"split_part(m.learner, ':', 1) COLLATE \"C\" {direction}",
            LearnerSort.CurrentWeek => $"m.current_week {direction}",
            LearnerSort.TasksDone => $"m.tasks_done {direction}",
            LearnerSort.CurrentStreak => $"{CurrentStreak} {direction}",
            LearnerSort.LongestStreak => $"m.longest {direction}",
            LearnerSort.LastActive => $"m.last_active_utc_ticks {nulls}",
            LearnerSort.Subscription => $"m.sub_day::bigint * {TicksPerDay} + m.sub_time_ticks {nulls}",
            _ => throw new ArgumentOutOfRangeException(nameof(query), query.SortBy, "Not a column of the learners table."),
        };

        // The page's keys first, from the sort's index alone (a deep page skips index entries, not table rows), then
        // its rows by primary key.
        var page = query.SortBy == LearnerSort.CurrentStreak ? StreakPage(query.Descending) : $"""
            SELECT m.learner FROM reports_members m
            WHERE m.community = $1 AND {Matches}
            ORDER BY {order}, m.learner
            LIMIT $7 OFFSET $8
            """;
        var rows = await storage.DataSource.QueryAsync($"""
            WITH page AS ({page})
            SELECT {Columns}, (SELECT count(*)::integer FROM reports_members m WHERE m.community = $1 AND {Matches})
            FROM page JOIN reports_members m ON m.community = $1 AND m.learner = page.learner
            ORDER BY {order}, m.learner
            """,
            r => (Row: ToRow(r), Total: r.GetInt32(11)),
            cancellationToken, community.ToString(), query.Needle, todays.Json, ReportWindow.UtcToday(now), todays.Earliest, todays.Latest,
            query.PageSize, query.Offset).ConfigureAwait(false);

        var total = rows.Count > 0 ? rows[0].Total : await CountAsync(community, query.Needle, cancellationToken).ConfigureAwait(false);
        return new LearnerPage([.. rows.Select(r => r.Row)], total, query);
    }

    /// <summary>
    /// A page by current streak. The streak depends on the reading day, so no index holds its order; but a streak is
    /// either the stored one (still alive) or 0, so the page is read from two index-ordered parts: the live streaks by
    /// stored length (migration 8's streak index, skipping the lapsed), and everyone at 0 by learner id (the primary
    /// key). Each part needs at most offset + limit rows; descending puts the live ones first, ascending the zeros.
    /// </summary>
    private static string StreakPage(bool descending) => $"""
        SELECT learner FROM (
            (SELECT m.learner, {(descending ? 0 : 1)} AS part, m.streak_current AS k FROM reports_members m
             WHERE m.community = $1 AND {Matches} AND m.streak_current > 0 AND {CurrentStreak} > 0
             ORDER BY m.streak_current {(descending ? "DESC" : "ASC")}, m.learner LIMIT $7 + $8)
            UNION ALL
            (SELECT m.learner, {(descending ? 1 : 0)} AS part, 0 AS k FROM reports_members m
             WHERE m.community = $1 AND {Matches} AND {CurrentStreak} = 0
             ORDER BY m.learner LIMIT $7 + $8)
        ) AS parts
        ORDER BY part, k {(descending ? "DESC" : "ASC")}, learner
        LIMIT $7 OFFSET $8
        """;

    /// <summary>The total for a page past the end, which returns no row to carry it.</summary>
    private async Task<int> CountAsync(CommunityId community, string? needle, CancellationToken cancellationToken)
    {
        var counts = await storage.DataSource.QueryAsync(
            $"SELECT count(*)::integer FROM reports_members m WHERE m.community = $1 AND {Matches}",
            r => r.GetInt32(0), cancellationToken, community.ToString(), needle).ConfigureAwait(false);
        return counts[0];
    }

    private static LearnerRow ToRow(NpgsqlDataReader r) => new(
        LearnerId.Parse(r.GetString(0)),
        r.GetString(1),
        r.GetInt32(2),
        r.GetInt32(3),
        r.GetInt32(4),
        r.GetInt32(5),
        r.NullableInt64(6) is { } ticks ? Ticks.Utc(ticks) : null,
        r.IsDBNull(7) ? null : new SubscriptionCell((DayOfWeek)r.GetInt32(7), new TimeOnly(r.GetInt64(8)), r.GetString(9), r.IsDBNull(10) ? null : r.Date(10)));

    private static int Count(List<(string Status, bool Attempted, int Count)> outcomes, string status) =>
        outcomes.Where(o => o.Status == status).Sum(o => o.Count);
}
