using MentorBot.Core.Identity;
using MentorBot.Core.Reports;

namespace MentorBot.Reports.Tests;

public sealed class LearnerCsvTests
{
    private static LearnerRow Row(string name, SubscriptionCell? subscription = null) => new(
        new LearnerId("discord", "42"), name, 3, 2, 5, 9, new DateTimeOffset(2026, 12, 2, 10, 0, 0, TimeSpan.FromHours(1)), subscription);

    private static string Csv(params LearnerRow[] rows)
    {
        using var writer = new StringWriter();
        LearnerCsv.WriteHeader(writer);
        LearnerCsv.WriteRows(writer, rows);
        return writer.ToString();
    }

    [Theory]
    [InlineData("=HYPERLINK(\"http://evil.example\",\"click\")", "\"'=HYPERLINK(\"\"http://evil.example\"\",\"\"click\"\")\"")]
    [InlineData("=1+1", "'=1+1")]
    [InlineData("+1", "'+1")]
    [InlineData("-2", "'-2")]
    [InlineData("@SUM(A1)", "'@SUM(A1)")]
    [InlineData("\tTab", "'\tTab")]
    [InlineData("\rReturn", "\"'\rReturn\"")]
    [InlineData("plain", "plain")]
    [InlineData("a=b", "a=b")]
    [InlineData("Smith, Jane", "\"Smith, Jane\"")]
    [InlineData("say \"hi\"", "\"say \"\"hi\"\"\"")]
    [InlineData("two\nlines", "\"two\nlines\"")]
    [InlineData("", "")]
    public void A_field_is_neutralised_then_quoted(string value, string expected) =>
        Assert.Equal(expected, LearnerCsv.Field(value));

    [Fact]
    public void A_formula_display_name_reaches_the_file_as_text()
    {
        var csv = Csv(Row("=HYPERLINK(\"http://evil.example\",\"click\")"));

        var records = Rfc4180.Parse(csv);

        Assert.Equal(2, records.Count);
        Assert.Equal("'=HYPERLINK(\"http://evil.example\",\"click\")", records[1][0]);
        Assert.All(records.SelectMany(r => r), cell => Assert.False(cell.Length > 0 && cell[0] is '=' or '+' or '-' or '@' or '\t' or '\r'));
    }

    [Fact]
    public void Rows_have_every_column_with_CRLF_line_ends()
    {
        var csv = Csv(
            Row("Jane, \"JJ\" Doe", new SubscriptionCell(DayOfWeek.Monday, new TimeOnly(9, 0), "Europe/Berlin", new DateOnly(2026, 12, 20))),
            Row("<script>alert(1)</script>"));

        Assert.EndsWith("\r\n", csv, StringComparison.Ordinal);
        Assert.DoesNotContain("\n", csv.Replace("\r\n", "", StringComparison.Ordinal), StringComparison.Ordinal);
        var records = Rfc4180.Parse(csv);
        Assert.Equal(["Display name", "Platform", "Learner id", "Current week", "Tasks done", "Current streak", "Longest streak", "Last active (UTC)", "Subscription"], records[0]);
        Assert.Equal(["Jane, \"JJ\" Doe", "discord", "discord:42", "3", "2", "5", "9", "2026-12-02 09:00:00", "Monday 09:00 Europe/Berlin (paused until 2026-12-20)"], records[1]);
        Assert.Equal("<script>alert(1)</script>", records[2][0]);
        Assert.Equal("", records[2][8]);
    }

    [Fact]
    public async Task WriteAll_pages_through_every_matching_learner()
    {
        var rows = Enumerable.Range(0, 450).Select(i => Row($"learner {i:D3}")).ToList();
        var reports = new PagedReports(rows);
        using var writer = new StringWriter();

        var written = await LearnerCsv.WriteAllAsync(writer, reports, new CommunityId("discord", "1"), new LearnerQuery(SortBy: LearnerSort.CurrentStreak), TimeProvider.System);

        Assert.Equal(450, written);
        var records = Rfc4180.Parse(writer.ToString());
        Assert.Equal(451, records.Count);
        Assert.Equal(rows.Select(r => r.DisplayName), records.Skip(1).Select(r => r[0]));
        Assert.Equal([1, 2, 3], reports.Pages);
        Assert.All(reports.Queries, q => Assert.Equal((LearnerSort.CurrentStreak, LearnerQuery.MaxPageSize), (q.SortBy, q.PageSize)));
    }

    [Fact]
    public async Task WriteAll_streams_with_asynchronous_writes_only_as_an_http_response_requires()
    {
        var rows = Enumerable.Range(0, 450).Select(i => Row($"learner {i:D3}")).ToList();
        using var body = new AsyncOnlyStream();
        await using (var writer = new StreamWriter(body, new System.Text.UTF8Encoding(false), 1024, leaveOpen: true))
            await LearnerCsv.WriteAllAsync(writer, new PagedReports(rows), new CommunityId("discord", "1"), new LearnerQuery(), TimeProvider.System);

        var records = Rfc4180.Parse(System.Text.Encoding.UTF8.GetString(body.ToArray()));
        Assert.Equal(451, records.Count);
        Assert.True(body.Flushes >= 3, $"one flush per page expected, saw {body.Flushes}");
    }

    /// <summary>Like Kestrel's response body, which refuses synchronous writes by default.</summary>
    private sealed class AsyncOnlyStream : MemoryStream
    {
        public int Flushes { get; private set; }

        public override void Write(byte[] buffer, int offset, int count) => throw new InvalidOperationException("synchronous write");

        public override void Write(ReadOnlySpan<byte> buffer) => throw new InvalidOperationException("synchronous write");

        public override void Flush() => throw new InvalidOperationException("synchronous flush");

        public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
        {
            base.Write(buffer, offset, count);
            return Task.CompletedTask;
        }

        public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
        {
            base.Write(buffer.ToArray(), 0, buffer.Length);
            return ValueTask.CompletedTask;
        }

        public override Task FlushAsync(CancellationToken cancellationToken)
        {
            Flushes++;
            return Task.CompletedTask;
        }
    }

    /// <summary>A store stand-in that pages a fixed list, recording what it was asked.</summary>
    private sealed class PagedReports(List<LearnerRow> rows) : ICommunityReports
    {
        public List<LearnerQuery> Queries { get; } = [];

        public IEnumerable<int> Pages => Queries.Select(q => q.Page);

        public Task<CommunityOverview> GetOverviewAsync(CommunityId community, TimeProvider time, CancellationToken cancellationToken = default) =>
            throw new NotSupportedException();

        public Task<LearnerPage> ListLearnersAsync(CommunityId community, LearnerQuery query, TimeProvider time, CancellationToken cancellationToken = default)
        {
            query.Validate();
            Queries.Add(query);
            return Task.FromResult(new LearnerPage([.. rows.Skip(query.Offset).Take(query.PageSize)], rows.Count, query));
        }
    }
}
