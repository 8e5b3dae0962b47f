using MentorBot.Core.Delivery;
using MentorBot.Core.Identity;
using MentorBot.Core.Reports;
using MentorBot.Core.Streaks;
using MentorBot.Core.Time;
using Npgsql;

namespace MentorBot.Storage.Postgres;

/// <summary>
/// The dashboard's reports in SQL. Membership is the GIN-indexed <c>communities @&gt; ARRAY[community]</c>; the figures
/// that would need a scan of every check-in come from aggregates the migration-5 triggers keep on write
/// (<c>reports_checkins_daily</c>, <c>reports_learner_activity</c>); the rest is read per member from primary keys.
/// A current streak is the stored summary aged to the learner's local today, as <see cref="LeaderboardService"/> does it:
/// the local today of every zone is computed here and joined in, so SQL never has to know time-zone rules.
/// </summary>
public sealed class PostgresCommunityReports(PostgresStorage storage) : ICommunityReports
{
    private const long TicksPerDay = TimeSpan.TicksPerDay;

    private static readonly Lazy<string[]> ZoneIds = new(() =>
        [.. TimeZoneInfo.GetSystemTimeZones().Select(z => z.Id).Append(TimeZones.Utc).Distinct(StringComparer.Ordinal)]);

    // A learner's current streak: the summary aged to the local today of its zone ($4, UTC today, for a zone the system
    // does not know, as TimeZones.FindOrUtc falls back to UTC).
    private const string CurrentStreak = """
        CASE WHEN s.learner IS NULL THEN 0
             WHEN COALESCE(z.today, $4::date) - s.last_active_day - 1 <= s.freezes_at_last_day THEN s.current_at_last_day
             ELSE 0 END
        """;

    private const string LastActive = "NULLIF(GREATEST(COALESCE(a.last_checkin_utc_ticks, 0), COALESCE(a.last_task_utc_ticks, 0)), 0)";

    private const string SummaryJoin = "LEFT JOIN streak_summaries s ON s.learner = l.id LEFT JOIN zones z ON z.tz = s.time_zone_id";

    private const string ActivityJoin = "LEFT JOIN reports_learner_activity a ON a.learner = l.id";

    private const string SubscriptionJoin = "LEFT JOIN subscriptions sub ON sub.learner = l.id AND sub.community = $1";

    // Members, each with the columns of the learners table. $1 community, $2/$3 zone ids and their local today,
    // $4 UTC today (for a zone the system does not know, as TimeZones.FindOrUtc falls back to UTC).
    private const string MemberRows = """
        zones AS (SELECT * FROM unnest($2::text[], $3::date[]) AS z(tz, today)),
        rows AS (
            SELECT l.id, l.display_name, l.current_week,
                COALESCE(a.tasks_done, 0) AS tasks_done,
                CASE WHEN s.learner IS NULL THEN 0
                     WHEN COALESCE(z.today, $4::date) - s.last_active_day - 1 <= s.freezes_at_last_day THEN s.current_at_last_day
                     ELSE 0 END AS current_streak,
                COALESCE(s.longest, 0) AS longest,
                NULLIF(GREATEST(COALESCE(a.last_checkin_utc_ticks, 0), COALESCE(a.last_task_utc_ticks, 0)), 0) AS last_active,
                sub.day_of_week, sub.time_of_day_ticks, sub.time_zone_id AS sub_zone, sub.paused_until
            FROM learners l
            LEFT JOIN streak_summaries s ON s.learner = l.id
            LEFT JOIN zones z ON z.tz = s.time_zone_id
            LEFT JOIN reports_learner_activity a ON a.learner = l.id
            LEFT JOIN subscriptions sub ON sub.learner = l.id AND sub.community = $1
            WHERE l.communities @> ARRAY[$1]::text[]
        """;

    public async Task<CommunityOverview> GetOverviewAsync(CommunityId community, TimeProvider time, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(time);
        var now = time.GetUtcNow();
        var (zones, todays) = LocalTodays(now);
        var key = community.ToString();

        var groups = await storage.DataSource.QueryAsync($"""
            WITH {MemberRows})
            SELECT current_week, current_streak, COALESCE(last_active >= $5, false), day_of_week IS NOT NULL, count(*)::integer
            FROM rows GROUP BY 1, 2, 3, 4
            """,
            r => (Week: r.GetInt32(0), Streak: r.GetInt32(1), Active: r.GetBoolean(2), Subscribed: r.GetBoolean(3), Count: r.GetInt32(4)),
            cancellationToken, key, zones, todays, ReportWindow.UtcToday(now), ReportWindow.ActiveSince(now).UtcTicks).ConfigureAwait(false);

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
        var (zones, todays) = LocalTodays(now);
        var direction = query.Descending ? "DESC NULLS LAST" : "ASC NULLS FIRST";
        // Each column's SQL states the order LearnerRowOrder states in memory; both are held to it by the contract suite.
        // Only the sort key is computed for every member (with only the join it needs); the other columns are joined
        // for the page's rows alone.
        var (key, joins, order) = query.SortBy switch
        {
            LearnerSort.DisplayName => ("l.display_name", "", (Func<string, string>)(k => $"lower({k}) COLLATE \"C\" {direction}, {k} COLLATE \"C\" {direction}")),
            LearnerSort.Platform => ("split_part(l.id, ':', 1)", "", k => $"{k} COLLATE \"C\" {direction}"),
            LearnerSort.CurrentWeek => ("l.current_week", "", k => $"{k} {direction}"),
            LearnerSort.TasksDone => ("COALESCE(a.tasks_done, 0)", ActivityJoin, k => $"{k} {direction}"),
            LearnerSort.CurrentStreak => (CurrentStreak, SummaryJoin, k => $"{k} {direction}"),
            LearnerSort.LongestStreak => ("COALESCE(s.longest, 0)", SummaryJoin, k => $"{k} {direction}"),
            LearnerSort.LastActive => (LastActive, ActivityJoin, k => $"{k} {direction}"),
            LearnerSort.Subscription => ($"sub.day_of_week::bigint * {TicksPerDay} + sub.time_of_day_ticks", SubscriptionJoin, k => $"{k} {direction}"),
            _ => throw new ArgumentOutOfRangeException(nameof(query), query.SortBy, "Not a column of the learners table."),
        };

        var rows = await storage.DataSource.QueryAsync($"""
            WITH zones AS (SELECT * FROM unnest($2::text[], $3::date[]) AS z(tz, today)),
            keyed AS (
                SELECT l.id, {key} AS k
                FROM learners l {joins}
                WHERE l.communities @> ARRAY[$1]::text[] AND ($5::text IS NULL OR strpos(lower(l.display_name), lower($5::text)) > 0)
            ),
            page AS (
                SELECT id, k, count(*) OVER ()::integer AS total FROM keyed ORDER BY {order("k")}, id COLLATE "C" LIMIT $6 OFFSET $7
            )
            SELECT l.id, l.display_name, l.current_week, COALESCE(a.tasks_done, 0), {CurrentStreak}, COALESCE(s.longest, 0), {LastActive},
                sub.day_of_week, sub.time_of_day_ticks, sub.time_zone_id, sub.paused_until, page.total
            FROM page
            JOIN learners l ON l.id = page.id
            {SummaryJoin} {ActivityJoin} {SubscriptionJoin}
            ORDER BY {order("page.k")}, page.id COLLATE "C"
            """,
            r => (Row: ToRow(r), Total: r.GetInt32(11)),
            cancellationToken, community.ToString(), zones, todays, ReportWindow.UtcToday(now), query.Needle, query.PageSize, query.Offset).ConfigureAwait(false);

        var total = rows.Count > 0 ? rows[0].Total : await CountAsync(community, query.Needle, cancellationToken).ConfigureAwait(false);
        return new LearnerPage([.. rows.Select(r => r.Row)], total, query);
    }

    /// <summary>The total for a page past the end, which returns no row to carry it.</summary>
    private async Task<int> CountAsync(CommunityId community, string? needle, CancellationToken cancellationToken)
    {
        var counts = await storage.DataSource.QueryAsync("""
            SELECT count(*)::integer FROM learners
            WHERE communities @> ARRAY[$1]::text[] AND ($2::text IS NULL OR strpos(lower(display_name), lower($2::text)) > 0)
            """, r => r.GetInt32(0), cancellationToken, community.ToString(), needle).ConfigureAwait(false);
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

    /// <summary>Every zone the system knows with its local date at <paramref name="now"/>.</summary>
    private static (string[] Zones, DateOnly[] Todays) LocalTodays(DateTimeOffset now)
    {
        var zones = ZoneIds.Value;
        var todays = new DateOnly[zones.Length];
        for (var i = 0; i < zones.Length; i++)
            todays[i] = TimeZones.LocalDate(now, TimeZones.FindOrUtc(zones[i]));
        return (zones, todays);
    }
}
