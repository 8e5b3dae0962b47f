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

        return Task.FromResult(context.Reports.Read(view =>
        {
            var rows = new List<LearnerRow>();
            foreach (var learner in view.Members(community))
            {
                if (needle is not null && !learner.LowerName.Contains(needle, StringComparison.Ordinal))
                    continue;
                rows.Add(new LearnerRow(
                    learner.LearnerId,
                    learner.DisplayName,
                    learner.CurrentWeek,
                    learner.Tasks.Count,
                    CurrentStreak(learner, todays),
                    learner.Summary?.Longest ?? 0,
                    learner.LastActiveTicks is { } ticks ? new DateTimeOffset(ticks, TimeSpan.Zero) : null,
                    learner.SubscriptionCommunity == key ? learner.Subscription : null));
            }
            rows.Sort(LearnerRowOrder.For(query.SortBy, query.Descending));
            return new LearnerPage([.. rows.Skip(query.Offset).Take(query.PageSize)], rows.Count, query);
        }));
    }

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
