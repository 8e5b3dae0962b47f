using MentorBot.Dashboard.Sessions;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace MentorBot.Dashboard.Pages.Dashboard;

/// <summary>Sign out (this browser) and sign out everywhere (every session of this moderator). Both are POSTs.</summary>
public sealed class SignOutModel(DashboardSessions sessions) : PageModel
{
    public string Text { get; private set; } = "This browser's dashboard session has ended.";

    public void OnGet()
    {
    }

    public async Task<PageResult> OnPostAsync()
    {
        var session = await sessions.FindAsync(DashboardCookie.Read(Request), HttpContext.RequestAborted).ConfigureAwait(false);
        if (session is not null)
            await sessions.SignOutAsync(session, HttpContext.RequestAborted).ConfigureAwait(false);
        DashboardCookie.Clear(HttpContext);
        return Page();
    }

    public async Task<PageResult> OnPostEverywhereAsync()
    {
        var session = await sessions.FindAsync(DashboardCookie.Read(Request), HttpContext.RequestAborted).ConfigureAwait(false);
        if (session is not null)
            await sessions.SignOutEverywhereAsync(session, HttpContext.RequestAborted).ConfigureAwait(false);
        DashboardCookie.Clear(HttpContext);
        Text = "Every dashboard session of yours has ended, in every browser and community.";
        return Page();
    }
}
