using System.Globalization;
using System.Text;
using MentorBot.Core.Reports;

namespace MentorBot.Reports;

/// <summary>
/// Bar charts as inline SVG. Every text (titles, labels, values) goes through <see cref="Markup.Encode"/>; colours are
/// presentation attributes and classes (<c>chart-bar</c>, <c>chart-axis</c>, <c>chart-label</c>) rather than style
/// attributes, which a <c>default-src 'self'</c> policy would block. Each bar carries its own <c>&lt;title&gt;</c>, the
/// tooltip and the accessible name of that value.
/// </summary>
public static class SvgCharts
{
    private const int Width = 720;
    private const int Height = 260;
    private const int Left = 44;
    private const int Right = 12;
    private const int Top = 16;
    private const int Bottom = 44;
    private const string BarColour = "#3b6ea8";

    /// <summary>One bar per day (a daily series such as check-ins per day), with a date label every 7 days.</summary>
    public static Chart DailySeries(string id, string title, string description, IReadOnlyList<DailyCount> days, string valueHeading = "Count")
    {
        ArgumentNullException.ThrowIfNull(days);
        var points = days.Select(d => new ChartPoint(d.Day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), d.Count)).ToList();
        // Label the last day and every 7th before it, so the newest day is always named.
        var labelled = new HashSet<int>(Enumerable.Range(0, points.Count).Where(i => (points.Count - 1 - i) % 7 == 0));
        return Bars(id, title, description, points, "Day", valueHeading, gap: 0.2, i => labelled.Contains(i) ? days[i].Day.ToString("MM-dd", CultureInfo.InvariantCulture) : null);
    }

    /// <summary>One bar per category (roadmap weeks, delivery outcomes), every bar labelled.</summary>
    public static Chart Categories(string id, string title, string description, IReadOnlyList<ChartPoint> points, string categoryHeading, string valueHeading)
    {
        ArgumentNullException.ThrowIfNull(points);
        return Bars(id, title, description, points, categoryHeading, valueHeading, gap: 0.3, i => points[i].Label);
    }

    /// <summary>A histogram: adjacent bars over ordered ranges (streak lengths), each labelled with its range.</summary>
    public static Chart Histogram(string id, string title, string description, IReadOnlyList<BucketCount> buckets, string rangeHeading, string valueHeading)
    {
        ArgumentNullException.ThrowIfNull(buckets);
        var points = buckets.Select(b => new ChartPoint(b.Label, b.Learners)).ToList();
        return Bars(id, title, description, points, rangeHeading, valueHeading, gap: 0.02, i => points[i].Label);
    }

    private static Chart Bars(
        string id, string title, string description, IReadOnlyList<ChartPoint> points, string categoryHeading, string valueHeading,
        double gap, Func<int, string?> axisLabel)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(id);
        var safeId = Markup.Encode(id);
        var max = Math.Max(1, points.Count == 0 ? 0 : points.Max(p => p.Value));
        var plotWidth = Width - Left - Right;
        var plotHeight = Height - Top - Bottom;
        var slot = points.Count == 0 ? plotWidth : (double)plotWidth / points.Count;

        var svg = new StringBuilder();
        svg.Append(CultureInfo.InvariantCulture,
            $"<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart-svg\" role=\"img\" viewBox=\"0 0 {Width} {Height}\" width=\"{Width}\" height=\"{Height}\" aria-labelledby=\"{safeId}-title {safeId}-desc\">");
        svg.Append(CultureInfo.InvariantCulture, $"<title id=\"{safeId}-title\">{Markup.Encode(title)}</title>");
        svg.Append(CultureInfo.InvariantCulture, $"<desc id=\"{safeId}-desc\">{Markup.Encode(description)}</desc>");

        // Axes and three gridlines: 0, half and the maximum.
        foreach (var fraction in new[] { 0.0, 0.5, 1.0 })
        {
            var value = (int)Math.Round(max * fraction);
            var y = Top + plotHeight - plotHeight * ((double)value / max);
            svg.Append(CultureInfo.InvariantCulture,
                $"<line class=\"chart-axis\" x1=\"{Left}\" y1=\"{F(y)}\" x2=\"{Width - Right}\" y2=\"{F(y)}\" stroke=\"#c8c8c8\" stroke-width=\"1\"/>");
            svg.Append(CultureInfo.InvariantCulture,
                $"<text class=\"chart-label\" x=\"{Left - 6}\" y=\"{F(y + 4)}\" text-anchor=\"end\" font-size=\"11\" fill=\"#444\">{value}</text>");
        }

        for (var i = 0; i < points.Count; i++)
        {
            var point = points[i];
            var barHeight = plotHeight * ((double)Math.Max(0, point.Value) / max);
            var x = Left + slot * i + slot * gap / 2;
            var y = Top + plotHeight - barHeight;
            svg.Append(CultureInfo.InvariantCulture,
                $"<rect class=\"chart-bar\" x=\"{F(x)}\" y=\"{F(y)}\" width=\"{F(slot * (1 - gap))}\" height=\"{F(barHeight)}\" fill=\"{BarColour}\">");
            svg.Append(CultureInfo.InvariantCulture, $"<title>{Markup.Encode(point.Label)}: {point.Value}</title></rect>");
            if (axisLabel(i) is { } label)
            {
                svg.Append(CultureInfo.InvariantCulture,
                    $"<text class=\"chart-label\" x=\"{F(Left + slot * i + slot / 2)}\" y=\"{Height - Bottom + 16}\" text-anchor=\"middle\" font-size=\"11\" fill=\"#444\">{Markup.Encode(label)}</text>");
            }
        }
        if (points.Count == 0)
        {
            svg.Append(CultureInfo.InvariantCulture,
                $"<text class=\"chart-label\" x=\"{Width / 2}\" y=\"{Top + plotHeight / 2}\" text-anchor=\"middle\" font-size=\"13\" fill=\"#444\">No data yet</text>");
        }
        svg.Append("</svg>");

        return new Chart(id, svg.ToString(), Table(title, points, categoryHeading, valueHeading));
    }

    private static string Table(string title, IReadOnlyList<ChartPoint> points, string categoryHeading, string valueHeading)
    {
        var table = new StringBuilder("<table class=\"chart-table\">");
        table.Append("<caption>").Append(Markup.Encode(title)).Append("</caption>");
        table.Append("<thead><tr><th scope=\"col\">").Append(Markup.Encode(categoryHeading)).Append("</th><th scope=\"col\">")
            .Append(Markup.Encode(valueHeading)).Append("</th></tr></thead><tbody>");
        foreach (var point in points)
        {
            table.Append("<tr><th scope=\"row\">").Append(Markup.Encode(point.Label)).Append("</th><td>")
                .Append(point.Value.ToString(CultureInfo.InvariantCulture)).Append("</td></tr>");
        }
        return table.Append("</tbody></table>").ToString();
    }

    private static string F(double value) => value.ToString("0.##", CultureInfo.InvariantCulture);
}
