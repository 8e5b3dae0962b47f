using MentorBot.Core.Dashboard;
using MentorBot.Dashboard.Sessions;

namespace MentorBot.Dashboard.Pages.Dashboard;

public sealed class AuditModel(DashboardSessions sessions) : DashboardPageModel
{
    public const int Limit = 200;

    public IReadOnlyList<DashboardAuditEntry> Entries { get; private set; } = [];

    public async Task OnGetAsync() =>
        Entries = await sessions.ListAuditAsync(Community, Limit, HttpContext.RequestAborted).ConfigureAwait(false);
}
