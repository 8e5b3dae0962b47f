using MentorBot.Core.Dashboard;
using MentorBot.Dashboard.Sessions;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace MentorBot.Dashboard.Pages.Dashboard;

/// <summary>
/// Where a sign-in link lands. GET only checks the link and offers a button, since chat apps open links to preview
/// them; the POST (with its antiforgery token) uses the link up and starts the session.
/// </summary>
public sealed class SignInModel(DashboardSessions sessions) : PageModel
{
    public DashboardSignInClaims? Claims { get; private set; }

    public string? Token { get; private set; }

    public (string Title, string Text) Problem { get; private set; } = ("This link does not work", "");

    public async Task<IActionResult> OnGetAsync(string? token)
    {
        var (status, claims) = await sessions.CheckAsync(token, HttpContext.RequestAborted).ConfigureAwait(false);
        if (status != DashboardTokenStatus.Valid)
            return Refuse(status == DashboardTokenStatus.Expired ? SignInStatus.Expired : SignInStatus.Invalid);
        Claims = claims;
        Token = token;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string? token)
    {
        var outcome = await sessions.ExchangeAsync(token, HttpContext.RequestAborted).ConfigureAwait(false);
        if (outcome is not { Status: SignInStatus.SignedIn, Session: { } session, CookieSecret: { } secret })
            return Refuse(outcome.Status);
        DashboardCookie.Write(HttpContext, secret, session.ExpiresAt - session.CreatedAt);
        return LocalRedirect("/dashboard");
    }

    private PageResult Refuse(SignInStatus status)
    {
        (Response.StatusCode, Problem) = status switch
        {
            SignInStatus.Expired => (StatusCodes.Status410Gone, ("This link has expired", "Sign-in links work for 10 minutes.")),
            SignInStatus.AlreadyUsed => (StatusCodes.Status410Gone, ("This link was already used", "Each sign-in link works once.")),
            _ => (StatusCodes.Status400BadRequest, ("This link does not work", "It is incomplete or was not made by this bot.")),
        };
        return Page();
    }
}
