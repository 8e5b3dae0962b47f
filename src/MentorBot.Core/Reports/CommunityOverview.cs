namespace MentorBot.Core.Reports;

/// <summary>
/// One community at <see cref="AsOf"/>.
/// <see cref="Learners"/>: profiles that list the community. <see cref="Subscribed"/>: of those, learners with a weekly
/// subscription in this community (paused ones included). <see cref="ActiveLast7Days"/>: of those, learners with a
/// check-in or a task completion at or after <see cref="AsOf"/> minus 7 × 24 hours.
/// <see cref="CheckinsPerDay"/>: the <see cref="ReportWindow.Days"/> UTC days ending today, oldest first, zero days included,
/// each counting the check-ins made on it (by their instant, in UTC) by the community's current members.
/// <see cref="RoadmapFunnel"/>: learners per current roadmap week, from week 1 to the highest week anyone is on, zero weeks included.
/// <see cref="StreakDistribution"/>: learners per current streak length, in the buckets of <see cref="StreakBuckets"/>.
/// <see cref="Deliveries"/>: the outbox records of this community whose slot falls in the current ISO week (UTC).
/// </summary>
public sealed record CommunityOverview(
    DateTimeOffset AsOf,
    int Learners,
    int Subscribed,
    int ActiveLast7Days,
    IReadOnlyList<DailyCount> CheckinsPerDay,
    IReadOnlyList<WeekCount> RoadmapFunnel,
    IReadOnlyList<BucketCount> StreakDistribution,
    DeliveryWeekCounts Deliveries);

/// <summary>A count for one UTC day.</summary>
public sealed record DailyCount(DateOnly Day, int Count);

/// <summary>Learners whose current roadmap week is <see cref="Week"/>.</summary>
public sealed record WeekCount(int Week, int Learners);

/// <summary>Learners whose value lies in <see cref="Min"/>..<see cref="Max"/> (null: no upper bound); <see cref="Label"/> is e.g. "2–3" or "31+".</summary>
public sealed record BucketCount(string Label, int Min, int? Max, int Learners);

/// <summary>
/// This ISO week's deliveries by outcome. <see cref="Sent"/>: confirmed by the platform. <see cref="Deferred"/>: still
/// pending after at least one failed attempt (being retried). <see cref="Pending"/>: not attempted yet.
/// <see cref="Failed"/>: given up without sending, because the slot was missed for longer than the catch-up window
/// (outbox status Skipped). <see cref="Undeliverable"/>: the platform refused it for good (DMs closed, user gone).
/// </summary>
public sealed record DeliveryWeekCounts(DateOnly WeekStart, int Sent, int Deferred, int Pending, int Failed, int Undeliverable)
{
    public int Total => Sent + Deferred + Pending + Failed + Undeliverable;
}
