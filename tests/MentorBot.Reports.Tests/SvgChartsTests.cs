using System.Xml.Linq;
using MentorBot.Core.Reports;

namespace MentorBot.Reports.Tests;

public sealed class SvgChartsTests
{
    private static readonly XNamespace Svg = "http://www.w3.org/2000/svg";

    private static readonly CommunityOverview Overview = new(
        new DateTimeOffset(2026, 12, 2, 12, 0, 0, TimeSpan.Zero),
        Learners: 4,
        Subscribed: 2,
        ActiveLast7Days: 3,
        ReportWindow.FillDays(new DateTimeOffset(2026, 12, 2, 12, 0, 0, TimeSpan.Zero), new Dictionary<DateOnly, int> { [new DateOnly(2026, 12, 2)] = 7, [new DateOnly(2026, 11, 1)] = 3 }),
        [new WeekCount(1, 1), new WeekCount(2, 0), new WeekCount(3, 3)],
        StreakBuckets.From([KeyValuePair.Create(0, 3), KeyValuePair.Create(5, 1)]),
        new DeliveryWeekCounts(new DateOnly(2026, 11, 30), 5, 1, 2, 0, 1));

    private static IEnumerable<Chart> All(OverviewCharts charts) => [charts.CheckinsPerDay, charts.RoadmapFunnel, charts.StreakLengths, charts.Deliveries];

    [Fact]
    public void Every_overview_chart_is_well_formed_svg_with_title_desc_and_role()
    {
        foreach (var chart in All(OverviewCharts.For(Overview)))
        {
            var root = XElement.Parse(chart.Svg);

            Assert.Equal(Svg + "svg", root.Name);
            Assert.Equal("img", (string?)root.Attribute("role"));
            Assert.Equal($"{chart.Id}-title {chart.Id}-desc", (string?)root.Attribute("aria-labelledby"));
            var title = root.Element(Svg + "title");
            var desc = root.Element(Svg + "desc");
            Assert.NotNull(title);
            Assert.NotNull(desc);
            Assert.False(string.IsNullOrWhiteSpace(title.Value));
            Assert.False(string.IsNullOrWhiteSpace(desc.Value));
            Assert.Equal($"{chart.Id}-title", (string?)title.Attribute("id"));
        }
    }

    [Fact]
    public void The_daily_chart_has_a_bar_and_a_table_row_per_day()
    {
        var chart = OverviewCharts.For(Overview).CheckinsPerDay;

        var bars = XElement.Parse(chart.Svg).Elements(Svg + "rect").ToList();
        Assert.Equal(84, bars.Count);
        Assert.Equal("2026-12-02: 7", bars[^1].Element(Svg + "title")!.Value);
        // The tallest bar fills the plot; a zero day has no height.
        Assert.Equal(200.0, double.Parse((string)bars[^1].Attribute("height")!, System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal("0", (string?)bars[0].Attribute("height"));
        Assert.Contains("10 check-ins", XElement.Parse(chart.Svg).Element(Svg + "desc")!.Value, StringComparison.Ordinal);

        var table = XElement.Parse(chart.Table);
        Assert.Equal("table", table.Name.LocalName);
        Assert.Equal("Check-ins per day, last 12 weeks", table.Element("caption")!.Value);
        var rows = table.Element("tbody")!.Elements("tr").ToList();
        Assert.Equal(84, rows.Count);
        Assert.Equal(["2026-12-02", "7"], rows[^1].Elements().Select(e => e.Value));
    }

    [Fact]
    public void The_histogram_and_categories_label_every_bar()
    {
        var charts = OverviewCharts.For(Overview);

        var streakLabels = XElement.Parse(charts.StreakLengths.Svg).Elements(Svg + "rect").Select(r => r.Element(Svg + "title")!.Value);
        Assert.Equal(["0: 3", "1: 0", "2–3: 0", "4–7: 1", "8–14: 0", "15–30: 0", "31+: 0"], streakLabels);
        var outcomes = XElement.Parse(charts.Deliveries.Table).Element("tbody")!.Elements("tr").Select(r => r.Elements().Select(e => e.Value).ToArray());
        Assert.Equal([["Sent", "5"], ["Deferred", "1"], ["Pending", "2"], ["Failed", "0"], ["Undeliverable", "1"]], outcomes);
        Assert.Equal(["Week 1", "Week 2", "Week 3"], XElement.Parse(charts.RoadmapFunnel.Table).Element("tbody")!.Elements("tr").Select(r => r.Element("th")!.Value));
    }

    [Fact]
    public void Text_is_encoded_so_a_script_stays_text()
    {
        var hostile = "<script>alert('x')</script> & \"friends\"";
        var chart = SvgCharts.Categories("c", hostile, hostile, [new ChartPoint(hostile, 2)], hostile, hostile);

        foreach (var fragment in new[] { chart.Svg, chart.Table, chart.Html })
        {
            Assert.DoesNotContain("<script", fragment, StringComparison.OrdinalIgnoreCase);
            var parsed = XElement.Parse(fragment);
            Assert.DoesNotContain(parsed.DescendantsAndSelf(), e => e.Name.LocalName == "script");
        }
        var svg = XElement.Parse(chart.Svg);
        Assert.Equal(hostile, svg.Element(Svg + "title")!.Value);
        Assert.Equal(hostile + ": 2", svg.Element(Svg + "rect")!.Element(Svg + "title")!.Value);
        Assert.Equal(hostile, XElement.Parse(chart.Table).Element("tbody")!.Element("tr")!.Element("th")!.Value);
    }

    [Fact]
    public void Characters_XML_cannot_carry_are_replaced_not_emitted()
    {
        var chart = SvgCharts.Categories("c", "bell\u0007 and \uD800 lone", "d", [new ChartPoint("nul\0", 1)], "k", "v");

        var svg = XElement.Parse(chart.Svg);

        Assert.Equal("bell\uFFFD and \uFFFD lone", svg.Element(Svg + "title")!.Value);
        Assert.Equal("nul\uFFFD: 1", svg.Element(Svg + "rect")!.Element(Svg + "title")!.Value);
        Assert.Equal("emoji 🎉 stays", Markup.Encode("emoji 🎉 stays"));
    }

    [Fact]
    public void Nothing_refers_outside_the_page_or_runs()
    {
        foreach (var chart in All(OverviewCharts.For(Overview)))
        {
            var elements = XElement.Parse(chart.Html).DescendantsAndSelf().ToList();

            Assert.DoesNotContain(elements, e => e.Name.LocalName is "script" or "foreignObject" or "image" or "use" or "a" or "style");
            var attributes = elements.SelectMany(e => e.Attributes()).ToList();
            Assert.DoesNotContain(attributes, a => a.Name.LocalName.StartsWith("on", StringComparison.OrdinalIgnoreCase));
            Assert.DoesNotContain(attributes, a => a.Name.LocalName is "href" or "src" or "style");
            // The one URI is the SVG namespace, which names the vocabulary and is never fetched.
            Assert.DoesNotContain(attributes, a => a.Value.Contains("://", StringComparison.Ordinal) && !a.IsNamespaceDeclaration);
        }
    }

    [Fact]
    public void An_empty_series_says_so()
    {
        var chart = SvgCharts.Categories("empty", "Nothing", "No data.", [], "k", "v");

        var svg = XElement.Parse(chart.Svg);
        Assert.Empty(svg.Elements(Svg + "rect"));
        Assert.Contains(svg.Elements(Svg + "text"), t => t.Value == "No data yet");
        Assert.Empty(XElement.Parse(chart.Table).Element("tbody")!.Elements());
    }
}
