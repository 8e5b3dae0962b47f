using MentorBot.Core.Identity;
using MentorBot.Core.Reports;
using MentorBot.Core.Streaks;
using MentorBot.Core.Time;

namespace MentorBot.Storage.LiteDb;

/// <summary>
/// The dashboard's reports over LiteDB, answered from <see cref="LiteDbReportProjection"/>: the community's members are
/// looked up by community, never found by filtering everyone, and no document is read per query.
/// </summary>
public sealed class LiteDbCommunityReports(LiteDbContext context) : ICommunityReports
{
    public Task<CommunityOverview> GetOverviewAsync(CommunityId community, TimeProvider time, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(time);
        cancellationToken.ThrowIfCancellationRequested();
        var now = time.GetUtcNow();
        var todays = new LocalTodays(now);
        var activeSince = ReportWindow.ActiveSince(now).UtcTicks;
        var (weekStart, weekEnd) = ReportWindow.Week(now);

        return Task.FromResult(context.Reports.Read(view =>
        {
            var members = view.Members(community);
            var key = community.ToString();
            int subscribed = 0, active = 0;
            var weeks = new Dictionary<int, int>();
            var streaks = new Dictionary<int, int>();
            foreach (var learner in members)
            {
                if (learner.SubscriptionCommunity == key)
                    subscribed++;
                if (learner.LastActiveTicks >= activeSince)
                    active++;
                weeks[learner.CurrentWeek] = weeks.GetValueOrDefault(learner.CurrentWeek) + 1;
                var streak = CurrentStreak(learner, todays);
                streaks[streak] = streaks.GetValueOrDefault(streak) + 1;
            }

            var days = new Dictionary<DateOnly, int>();
            for (var day = ReportWindow.FirstDay(now); day <= ReportWindow.UtcToday(now); day = day.AddDays(1))
                days[day] = view.CheckinsOn(community, day);

            int sent = 0, deferred = 0, pending = 0, failed = 0, undeliverable = 0;
            foreach (var delivery in view.Deliveries(community, weekStart.UtcTicks, weekEnd.UtcTicks))
            {
                switch (delivery.Status)
                {
                    case nameof(Core.Delivery.DeliveryRecordStatus.Sent): sent++; break;
                    case nameof(Core.Delivery.DeliveryRecordStatus.Skipped): failed++; break;
                    case nameof(Core.Delivery.DeliveryRecordStatus.Undeliverable): undeliverable++; break;
                    default:
                        if (delivery.Attempts > 0)
                            deferred++;
                        else
                            pending++;
                        break;
                }
            }

            return new CommunityOverview(
                now, members.Count, subscribed, active,
                ReportWindow.FillDays(now, days),
                ReportWindow.FillWeeks(weeks),
                StreakBuckets.From(streaks),
                new DeliveryWeekCounts(ReportWindow.WeekStart(now), sent, deferred, pending, failed, undeliverable));
        }));
    }

    public Task<LearnerPage> ListLearnersAsync(CommunityId community, LearnerQuery query, TimeProvider time, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(time);
        query.Validate();
        cancellationToken.ThrowIfCancellationRequested();
        var now = time.GetUtcNow();
        var todays = new LocalTodays(now);
        var needle = query.Needle?.ToLowerInvariant();
        var key = community.ToString();

        // Keys are read under the projection's lock, the sort runs outside it (writers do not wait for it), and the
        // page's rows are built under the lock again.
        var entries = context.Reports.Read(view =>
        {
            var found = new List<Entry>();
            foreach (var learner in view.Members(community))
            {
                if (needle is null || learner.LowerName.Contains(needle, StringComparison.Ordinal))
                    found.Add(new Entry(learner, SortKey(query.SortBy, learner, key, todays)));
            }
            return found;
        });
        entries.Sort(Order(query.SortBy, query.Descending));
        var page = context.Reports.Read(_ => entries.Skip(query.Offset).Take(query.PageSize).Select(e => Row(e.Learner, key, todays)).ToList());
        return Task.FromResult(new LearnerPage(page, entries.Count, query));
    }

    private static LearnerRow Row(LiteDbReportProjection.LearnerState learner, string community, LocalTodays todays) => new(
        learner.LearnerId,
        learner.DisplayName,
        learner.CurrentWeek,
        learner.Tasks.Count,
        CurrentStreak(learner, todays),
        learner.Summary?.Longest ?? 0,
        learner.LastActiveTicks is { } ticks ? new DateTimeOffset(ticks, TimeSpan.Zero) : null,
        learner.SubscriptionCommunity == community ? learner.Subscription : null);

    /// <summary>
    /// The column's value as one number, ordered as <see cref="LearnerRowOrder"/> orders that column (a missing value is
    /// <see cref="long.MinValue"/>, before every present one); unused for names and platforms, which compare as text.
    /// </summary>
    private static long SortKey(LearnerSort sort, LiteDbReportProjection.LearnerState learner, string community, LocalTodays todays) => sort switch
    {
        LearnerSort.CurrentWeek => learner.CurrentWeek,
        LearnerSort.TasksDone => learner.Tasks.Count,
        LearnerSort.CurrentStreak => CurrentStreak(learner, todays),
        LearnerSort.LongestStreak => learner.Summary?.Longest ?? 0,
        LearnerSort.LastActive => learner.LastActiveTicks ?? long.MinValue,
        LearnerSort.Subscription => learner.SubscriptionCommunity == community && learner.Subscription is { } s
            ? (long)s.Day * TimeSpan.TicksPerDay + s.Time.Ticks
            : long.MinValue,
        _ => 0,
    };

    /// <summary>
    /// <see cref="LearnerRowOrder"/>'s order over precomputed keys: the lower-cased name and id strings are kept by the
    /// projection, the number by <see cref="SortKey"/>, so a comparison allocates nothing.
    /// </summary>
    private static Comparison<Entry> Order(LearnerSort sort, bool descending)
    {
        Comparison<Entry> ascending = sort switch
        {
            LearnerSort.DisplayName => (a, b) =>
            {
                var order = string.CompareOrdinal(a.Learner.LowerName, b.Learner.LowerName);
                return order != 0 ? order : string.CompareOrdinal(a.Learner.DisplayName, b.Learner.DisplayName);
            },
            LearnerSort.Platform => (a, b) => string.CompareOrdinal(a.Learner.LearnerId.Platform, b.Learner.LearnerId.Platform),
            _ => (a, b) => a.Key.CompareTo(b.Key),
        };
        return (a, b) =>
        {
            var order = descending ? ascending(b, a) : ascending(a, b);
            return order != 0 ? order : string.CompareOrdinal(a.Learner.Id, b.Learner.Id);
        };
    }

    private readonly record struct Entry(LiteDbReportProjection.LearnerState Learner, long Key);

    private static int CurrentStreak(LiteDbReportProjection.LearnerState learner, LocalTodays todays) =>
        learner.Summary is { } s ? StreakCalculator.CurrentAsOf(s.LastActiveDay, s.CurrentAtLastDay, s.Freezes, todays.For(s.TimeZoneId)) : 0;

    /// <summary>Each zone's local date at one instant, resolved once per zone per query.</summary>
    private sealed class LocalTodays(DateTimeOffset now)
    {
        private readonly Dictionary<string, DateOnly> _byZone = new(StringComparer.Ordinal);

        public DateOnly For(string zoneId)
        {
            if (!_byZone.TryGetValue(zoneId, out var today))
                _byZone[zoneId] = today = TimeZones.LocalDate(now, TimeZones.FindOrUtc(zoneId));
            return today;
        }
    }
}
