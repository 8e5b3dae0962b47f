using System.Globalization;
using System.Text;
using MentorBot.Core.Identity;
using MentorBot.Core.Reports;

namespace MentorBot.Reports;

/// <summary>
/// The learners table as CSV (RFC 4180: comma-separated, CRLF line ends, a field quoted when it holds a comma, a quote
/// or a line break, quotes doubled). Safe to open in a spreadsheet: a cell a spreadsheet could read as a formula —
/// starting with <c>=</c>, <c>+</c>, <c>-</c>, <c>@</c>, a tab or a carriage return — gets a leading <c>'</c>, as OWASP's
/// CSV-injection guidance says, so <c>=HYPERLINK(...)</c> as a display name stays text.
/// </summary>
public static class LearnerCsv
{
    public const string ContentType = "text/csv; charset=utf-8";

    private static readonly string[] Header =
        ["Display name", "Platform", "Learner id", "Current week", "Tasks done", "Current streak", "Longest streak", "Last active (UTC)", "Subscription"];

    /// <summary>The header line.</summary>
    public static void WriteHeader(TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        WriteRecord(writer, Header);
    }

    /// <summary>One line per row, in the order given.</summary>
    public static void WriteRows(TextWriter writer, IEnumerable<LearnerRow> rows)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(rows);
        foreach (var row in rows)
        {
            WriteRecord(writer,
            [
                row.DisplayName,
                row.Platform,
                row.Learner.ToString(),
                row.CurrentWeek.ToString(CultureInfo.InvariantCulture),
                row.TasksDone.ToString(CultureInfo.InvariantCulture),
                row.CurrentStreak.ToString(CultureInfo.InvariantCulture),
                row.LongestStreak.ToString(CultureInfo.InvariantCulture),
                row.LastActive?.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture) ?? "",
                Describe(row.Subscription),
            ]);
        }
    }

    /// <summary>
    /// Writes the header and every learner the query matches, in its order, fetching <see cref="LearnerQuery.MaxPageSize"/>
    /// rows at a time from the store so memory stays flat however big the community is. Each page is handed to
    /// <paramref name="writer"/> with asynchronous writes and a flush, so a writer over an HTTP response streams it
    /// (the server allows no synchronous writes there). Returns the rows written.
    /// </summary>
    public static async Task<int> WriteAllAsync(
        TextWriter writer, ICommunityReports reports, CommunityId community, LearnerQuery query, TimeProvider time, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(reports);
        ArgumentNullException.ThrowIfNull(query);
        using var buffer = new StringWriter(CultureInfo.InvariantCulture);
        WriteHeader(buffer);
        var written = 0;
        for (var page = 1; ; page++)
        {
            var result = await reports.ListLearnersAsync(community, query with { Page = page, PageSize = LearnerQuery.MaxPageSize }, time, cancellationToken).ConfigureAwait(false);
            WriteRows(buffer, result.Rows);
            await writer.WriteAsync(buffer.GetStringBuilder(), cancellationToken).ConfigureAwait(false);
            await writer.FlushAsync(cancellationToken).ConfigureAwait(false);
            buffer.GetStringBuilder().Clear();
            written += result.Rows.Count;
            if (result.Rows.Count < LearnerQuery.MaxPageSize)
                return written;
        }
    }

    /// <summary>"Monday 09:00 Europe/Berlin", with "(paused until …)" when paused; "" without a subscription.</summary>
    public static string Describe(SubscriptionCell? subscription) =>
        subscription is null ? "" :
        string.Create(CultureInfo.InvariantCulture, $"{subscription.Day} {subscription.Time:HH\\:mm} {subscription.TimeZoneId}") +
        (subscription.PausedUntil is { } until ? string.Create(CultureInfo.InvariantCulture, $" (paused until {until:yyyy-MM-dd})") : "");

    /// <summary>The cell as written: neutralised against formulas, then quoted if it needs to be.</summary>
    public static string Field(string? value)
    {
        var text = value ?? "";
        if (text.Length > 0 && text[0] is '=' or '+' or '-' or '@' or '\t' or '\r')
            text = "'" + text;
        if (text.AsSpan().IndexOfAny(",\"\r\n") < 0)
            return text;
        return new StringBuilder(text.Length + 2).Append('"').Append(text.Replace("\"", "\"\"", StringComparison.Ordinal)).Append('"').ToString();
    }

    private static void WriteRecord(TextWriter writer, string[] fields)
    {
        for (var i = 0; i < fields.Length; i++)
        {
            if (i > 0)
                writer.Write(',');
            writer.Write(Field(fields[i]));
        }
        writer.Write("\r\n");
    }
}
