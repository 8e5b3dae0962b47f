using System.Text;
using MentorBot.Core.Reports;
using MentorBot.Reports;
using Microsoft.AspNetCore.Mvc;

namespace MentorBot.Dashboard.Pages.Dashboard;

/// <summary>
/// The community's learners: searchable, sortable, paged, and exported as CSV. Query-string values only choose the
/// view; the community is always the session's.
/// </summary>
public sealed class LearnersModel(ICommunityReports reports, TimeProvider time, Sessions.DashboardSessions sessions) : DashboardPageModel
{
    [BindProperty(SupportsGet = true, Name = "q")]
    public string? Search { get; set; }

    [BindProperty(SupportsGet = true, Name = "sort")]
    public LearnerSort SortBy { get; set; } = LearnerSort.DisplayName;

    [BindProperty(SupportsGet = true, Name = "desc")]
    public bool Descending { get; set; }

    [BindProperty(SupportsGet = true, Name = "p")] // "page" is the route value Razor Pages itself routes by
    public int PageNumber { get; set; } = 1;

    public LearnerPage? Result { get; private set; }

    public string? Problem { get; private set; }

    private LearnerQuery Query => new(Search, SortBy, Descending, PageNumber);

    public async Task<IActionResult> OnGetAsync()
    {
        Problem = Query.Problem();
        if (Problem is not null)
            return Page();
        Result = await reports.ListLearnersAsync(Community, Query, time, HttpContext.RequestAborted).ConfigureAwait(false);
        return Page();
    }

    /// <summary>
    /// Streams the export a page of rows at a time: a community of 100,000 learners is about 10 MB of CSV, which the
    /// host should not hold in memory at once. The audit entry is written first, since the response cannot fail
    /// cleanly once it has begun.
    /// </summary>
    public async Task<IActionResult> OnGetCsvAsync()
    {
        if (Query.Problem() is { } problem)
            return BadRequest(problem);
        await sessions.AuditAsync(SignedIn, Sessions.DashboardSessions.Actions.LearnersExport, Search ?? "", HttpContext.RequestAborted).ConfigureAwait(false);
        Response.ContentType = LearnerCsv.ContentType;
        Response.Headers.ContentDisposition = new Microsoft.Net.Http.Headers.ContentDispositionHeaderValue("attachment")
        {
            FileName = "learners.csv",
            FileNameStar = "learners.csv",
        }.ToString();
        var writer = new StreamWriter(Response.Body, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false), 16 * 1024, leaveOpen: true);
        await using (writer.ConfigureAwait(false))
            await LearnerCsv.WriteAllAsync(writer, reports, Community, Query with { Page = 1 }, time, HttpContext.RequestAborted).ConfigureAwait(false);
        return new EmptyResult();
    }

    /// <summary>The link that sorts by <paramref name="column"/>, flipping the direction when it already does.</summary>
    public Dictionary<string, string> SortRoute(LearnerSort column) => new()
    {
        ["q"] = Search ?? "",
        ["sort"] = column.ToString(),
        ["desc"] = (column == SortBy && !Descending).ToString(),
    };

    public Dictionary<string, string> PageRoute(int page) => new()
    {
        ["q"] = Search ?? "",
        ["sort"] = SortBy.ToString(),
        ["desc"] = Descending.ToString(),
        ["p"] = page.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };
}
