using MentorBot.Core.Reports;
using MentorBot.Reports;

namespace MentorBot.Dashboard.Pages.Dashboard;

/// <summary>The overview: the community's counts and four charts, read from <see cref="ICommunityReports"/> for the session's community only.</summary>
public sealed class IndexModel(ICommunityReports reports, TimeProvider time) : DashboardPageModel
{
    public CommunityOverview Overview { get; private set; } = null!;

    public OverviewCharts Charts { get; private set; } = null!;

    public async Task OnGetAsync()
    {
        Overview = await reports.GetOverviewAsync(Community, time, HttpContext.RequestAborted).ConfigureAwait(false);
        Charts = OverviewCharts.For(Overview);
    }
}
