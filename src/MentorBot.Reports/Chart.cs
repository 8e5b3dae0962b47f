namespace MentorBot.Reports;

/// <summary>
/// One rendered chart: <see cref="Svg"/>, an inline <c>&lt;svg role="img"&gt;</c> with its <c>&lt;title&gt;</c> and
/// <c>&lt;desc&gt;</c>, and <see cref="Table"/>, the same figures as an HTML table for screen readers and text browsers.
/// Both are complete, encoded fragments: no script, no style attribute, no external reference, so a page under
/// <c>Content-Security-Policy: default-src 'self'</c> shows them as they are. <see cref="Html"/> puts them in one figure.
/// </summary>
public sealed record Chart(string Id, string Svg, string Table)
{
    public string Html => $"<figure class=\"chart\" id=\"{Markup.Encode(Id)}\">{Svg}<details><summary>Table</summary>{Table}</details></figure>";
}

/// <summary>One bar: its label and value.</summary>
public sealed record ChartPoint(string Label, int Value);
