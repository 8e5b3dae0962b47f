using System.Globalization;
using MentorBot.Core.Reports;

namespace MentorBot.Reports;

/// <summary>The overview page's four charts, titled and described from the figures themselves.</summary>
public sealed record OverviewCharts(Chart CheckinsPerDay, Chart RoadmapFunnel, Chart StreakLengths, Chart Deliveries)
{
    public static OverviewCharts For(CommunityOverview overview)
    {
        ArgumentNullException.ThrowIfNull(overview);
        var days = overview.CheckinsPerDay;
        var total = days.Sum(d => d.Count);
        var busiest = days.Count == 0 ? null : days.MaxBy(d => d.Count);
        var checkins = SvgCharts.DailySeries(
            "checkins-per-day",
            "Check-ins per day, last 12 weeks",
            days.Count == 0
                ? "No days to show."
                : Invariant($"{total} check-ins from {Day(days[0].Day)} to {Day(days[^1].Day)} (UTC days); the busiest day was {Day(busiest!.Day)} with {busiest.Count}."),
            days,
            "Check-ins");

        var funnel = SvgCharts.Categories(
            "roadmap-funnel",
            "Learners at each roadmap week",
            overview.RoadmapFunnel.Count == 0
                ? "No learners yet."
                : Invariant($"{overview.Learners} learners by their current roadmap week, from week 1 to week {overview.RoadmapFunnel[^1].Week}."),
            [.. overview.RoadmapFunnel.Select(w => new ChartPoint(Invariant($"Week {w.Week}"), w.Learners))],
            "Roadmap week",
            "Learners");

        var running = overview.StreakDistribution.Where(b => b.Min > 0).Sum(b => b.Learners);
        var streaks = SvgCharts.Histogram(
            "streak-lengths",
            "Current streak lengths",
            Invariant($"{running} of {overview.Learners} learners have a running streak; bars count learners per streak length in days."),
            overview.StreakDistribution,
            "Streak (days)",
            "Learners");

        var d = overview.Deliveries;
        var deliveries = SvgCharts.Categories(
            "deliveries-this-week",
            Invariant($"Deliveries in the week of {Day(d.WeekStart)}"),
            Invariant($"{d.Total} weekly deliveries this ISO week: {d.Sent} sent, {d.Deferred} deferred, {d.Pending} not yet attempted, {d.Failed} failed, {d.Undeliverable} undeliverable."),
            [
                new ChartPoint("Sent", d.Sent),
                new ChartPoint("Deferred", d.Deferred),
                new ChartPoint("Pending", d.Pending),
                new ChartPoint("Failed", d.Failed),
                new ChartPoint("Undeliverable", d.Undeliverable),
            ],
            "Outcome",
            "Deliveries");

        return new OverviewCharts(checkins, funnel, streaks, deliveries);
    }

    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Invariant(FormattableString text) => FormattableString.Invariant(text);
}
