using MentorBot.Dashboard.Sessions;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;

namespace MentorBot.Dashboard.Pages;

/// <summary>
/// Runs before every page handler: a <see cref="DashboardPageModel"/> gets its session from the cookie, or the request
/// ends with 401 and a short page saying how to sign in. Pages that are not dashboard page models (sign-in, signed out)
/// pass through.
/// </summary>
internal sealed class DashboardSessionFilter(DashboardSessions sessions) : IAsyncPageFilter
{
    public const string NotSignedInHtml = """
        <!DOCTYPE html>
        <html lang="en"><head><meta charset="utf-8"><title>Not signed in · MentorBot dashboard</title>
        <link rel="stylesheet" href="/dashboard/assets/dashboard.css"></head>
        <body><main class="center"><h1>You are not signed in</h1>
        <p>Your session has ended or was never started. Run <strong>/dashboard</strong> in your community's chat for a new sign-in link.</p>
        </main></body></html>
        """;

    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        if (context.HandlerInstance is not DashboardPageModel page)
        {
            await next().ConfigureAwait(false);
            return;
        }

        var session = await sessions.FindAsync(DashboardCookie.Read(context.HttpContext.Request), context.HttpContext.RequestAborted).ConfigureAwait(false);
        if (session is null)
        {
            context.Result = new ContentResult { StatusCode = StatusCodes.Status401Unauthorized, ContentType = "text/html; charset=utf-8", Content = NotSignedInHtml };
            return;
        }
        page.Attach(session);
        await next().ConfigureAwait(false);
    }
}
