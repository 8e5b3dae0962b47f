using Microsoft.AspNetCore.Http;

namespace MentorBot.Dashboard.Sessions;

/// <summary>
/// The session cookie: HttpOnly, SameSite=Strict, Secure over https, sent only to /dashboard. Its lifetime goes out as
/// Max-Age, not Expires: an absolute date is read against the browser's clock, so a browser whose clock runs ahead of
/// the host's would drop the cookie early (or at once). The server checks the session's own expiry on every request.
/// </summary>
public static class DashboardCookie
{
    public const string Name = "mentorbot_dashboard";
    public const string Path = "/dashboard";

    public static string? Read(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return request.Cookies[Name];
    }

    public static void Write(HttpContext context, string secret, TimeSpan lifetime)
    {
        ArgumentNullException.ThrowIfNull(context);
        context.Response.Cookies.Append(Name, secret, Options(context, lifetime));
    }

    public static void Clear(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        context.Response.Cookies.Delete(Name, Options(context, null));
    }

    private static CookieOptions Options(HttpContext context, TimeSpan? lifetime) => new()
    {
        HttpOnly = true,
        SameSite = SameSiteMode.Strict,
        Secure = context.Request.IsHttps,
        Path = Path,
        MaxAge = lifetime,
        IsEssential = true,
    };
}
