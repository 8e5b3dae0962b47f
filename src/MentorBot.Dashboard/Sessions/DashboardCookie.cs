using Microsoft.AspNetCore.Http;

namespace MentorBot.Dashboard.Sessions;

/// <summary>The session cookie: HttpOnly, SameSite=Strict, Secure over https, sent only to /dashboard.</summary>
public static class DashboardCookie
{
    public const string Name = "mentorbot_dashboard";
    public const string Path = "/dashboard";

    public static string? Read(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return request.Cookies[Name];
    }

    public static void Write(HttpContext context, string secret, DateTimeOffset expires)
    {
        ArgumentNullException.ThrowIfNull(context);
        context.Response.Cookies.Append(Name, secret, Options(context, expires));
    }

    public static void Clear(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        context.Response.Cookies.Delete(Name, Options(context, null));
    }

    private static CookieOptions Options(HttpContext context, DateTimeOffset? expires) => new()
    {
        HttpOnly = true,
        SameSite = SameSiteMode.Strict,
        Secure = context.Request.IsHttps,
        Path = Path,
        Expires = expires,
        IsEssential = true,
    };
}
