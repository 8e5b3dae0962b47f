using System.Security.Cryptography;
using System.Text;
using System.Net;
using System.Threading.RateLimiting;
using MentorBot.Core.Dashboard;
using MentorBot.Dashboard.Pages;
using MentorBot.Dashboard.Sessions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace MentorBot.Dashboard.Hosting;

/// <summary>Registers and maps the dashboard on the host's web app, under <c>/dashboard</c>.</summary>
public static class DashboardEndpoints
{
    public const string BasePath = "/dashboard";
    public const string AssetsPath = "/dashboard/assets";
    public const string SignInPath = DashboardLinks.SignInPath;

    /// <summary>
    /// Binds and validates <c>Dashboard:*</c>; when <paramref name="on"/> registers the pages, sessions, antiforgery and
    /// the sign-in rate limit, otherwise only the start-up line saying it is off.
    /// </summary>
    public static IServiceCollection AddMentorBotDashboard(this IServiceCollection services, IConfiguration configuration, bool on)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<DashboardOptions>().Bind(configuration.GetSection(DashboardOptions.SectionName)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<DashboardOptions>, DashboardOptionsValidator>();
        if (!on)
        {
            services.AddHostedService<DashboardOffNotice>();
            return services;
        }

        services.AddSingleton<IDashboardAddress, DashboardAddress>();
        services.AddSingleton<DashboardSigningKey>();
        services.AddSingleton<DashboardLinks>();
        services.AddSingleton<DashboardSessions>();
        services.Configure<RouteOptions>(o => o.LowercaseUrls = true);
        services.AddRazorPages()
            .AddApplicationPart(typeof(DashboardEndpoints).Assembly)
            .AddMvcOptions(o => o.Filters.Add<DashboardSessionFilter>());
        services.AddAntiforgery(o =>
        {
            o.Cookie.Name = "mentorbot_antiforgery";
            o.Cookie.Path = BasePath;
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Strict;
            o.Cookie.SecurePolicy = Microsoft.AspNetCore.Http.CookieSecurePolicy.SameAsRequest;
            o.FormFieldName = "__antiforgery";
            // The dashboard's own header says DENY for every response.
            o.SuppressXFrameOptionsHeader = true;
        });
        services.AddOptions<ForwardedHeadersOptions>()
            .Configure<IOptions<DashboardOptions>>((o, dashboard) => DashboardForwarding.Apply(o, dashboard.Value.ForwardedHeaders));
        services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.OnRejected = (context, cancellationToken) =>
            {
                context.HttpContext.Response.ContentType = "text/plain; charset=utf-8";
                return new ValueTask(context.HttpContext.Response.WriteAsync("Too many sign-in attempts from this address. Wait a minute and try again.", cancellationToken));
            };
            o.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context =>
            {
                if (!context.Request.Path.StartsWithSegments(SignInPath, StringComparison.OrdinalIgnoreCase))
                    return RateLimitPartition.GetNoLimiter("");
                var permits = context.RequestServices.GetRequiredService<IOptions<DashboardOptions>>().Value.SignInPermitsPerMinute;
                var client = context.Connection.RemoteIpAddress ?? IPAddress.None;
                return RateLimitPartition.GetFixedWindowLimiter(client.ToString(), _ => new FixedWindowRateLimiterOptions
                {
                    PermitLimit = permits,
                    Window = TimeSpan.FromMinutes(1),
                    QueueLimit = 0,
                });
            });
        });
        return services;
    }

    /// <summary>The listed proxies' forwarded headers, the security headers, the sign-in rate limit, the stylesheet and the pages.</summary>
    public static WebApplication MapMentorBotDashboard(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        // First: the Secure cookie flag reads the scheme and the rate limit the client address it may replace.
        app.UseForwardedHeaders();
        app.UseWhen(c => c.Request.Path.StartsWithSegments(BasePath, StringComparison.OrdinalIgnoreCase), b => b.Use(DashboardSecurityHeaders.Apply));
        app.UseRateLimiter();
        var css = ReadAsset("dashboard.css");
        var etag = "\"" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(css)))[..16] + "\"";
        app.MapGet(AssetsPath + "/dashboard.css", (HttpContext context) =>
        {
            context.Response.Headers.ETag = etag;
            context.Response.Headers.CacheControl = "public, max-age=3600";
            return Results.Text(css, "text/css; charset=utf-8");
        });
        app.MapRazorPages();
        return app;
    }

    private static string ReadAsset(string name)
    {
        using var stream = typeof(DashboardEndpoints).Assembly.GetManifestResourceStream("MentorBot.Dashboard.Assets." + name)
            ?? throw new InvalidOperationException($"The dashboard asset {name} is not embedded.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
