using Microsoft.AspNetCore.Http;

namespace MentorBot.Dashboard.Hosting;

/// <summary>
/// Headers on every dashboard response: everything from this origin only, never framed, no MIME sniffing, and no
/// Referer, so the sign-in token in the page's address never leaves with a request elsewhere. Pages are not cached.
/// </summary>
internal static class DashboardSecurityHeaders
{
    public const string ContentSecurityPolicy = "default-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'";

    public static Task Apply(HttpContext context, RequestDelegate next)
    {
        var headers = context.Response.Headers;
        headers.ContentSecurityPolicy = ContentSecurityPolicy;
        headers.XContentTypeOptions = "nosniff";
        headers.XFrameOptions = "DENY";
        headers["Referrer-Policy"] = "no-referrer";
        if (!context.Request.Path.StartsWithSegments(DashboardEndpoints.AssetsPath, StringComparison.OrdinalIgnoreCase))
            headers.CacheControl = "no-store";
        return next(context);
    }
}
