using System.Net;
using MentorBot.Dashboard.Sessions;
using MentorBot.Dashboard.Tests.Support;
using MentorBot.Host;
using MentorBot.Host.Tests.Support;
using Microsoft.Extensions.Configuration;

namespace MentorBot.Dashboard.Tests;

/// <summary>
/// <c>Dashboard:ForwardedHeaders:*</c> over real loopback HTTP: a request from a listed proxy is taken as the client
/// and scheme the proxy names; from anyone else, X-Forwarded-* headers are ignored.
/// </summary>
public sealed class ForwardedHeadersTests
{
    private const string Antiforgery = "mentorbot_antiforgery";

    private static Dictionary<string, string?> Proxies(string proxies, string? networks = null, int permits = 10)
    {
        var settings = new Dictionary<string, string?> { ["Dashboard:SignInPermitsPerMinute"] = permits.ToString(System.Globalization.CultureInfo.InvariantCulture) };
        if (proxies.Length > 0)
            settings["Dashboard:ForwardedHeaders:KnownProxies:0"] = proxies;
        if (networks is not null)
            settings["Dashboard:ForwardedHeaders:KnownNetworks:0"] = networks;
        return settings;
    }

    /// <summary>Signs in as a browser behind a TLS proxy would; returns the antiforgery and the session cookie.</summary>
    private static async Task<(string Antiforgery, string Session)> SignInThroughProxyAsync(DashboardHost host)
    {
        var link = await host.SignInLinkAsync();
        // No cookie container: a Secure cookie would not be sent back over plain http, but the proxy's hop is plain http.
        using var http = new HttpClient(new SocketsHttpHandler { UseCookies = false, AllowAutoRedirect = false }) { BaseAddress = host.BaseAddress };
        http.DefaultRequestHeaders.Add("X-Forwarded-Proto", "https");
        http.DefaultRequestHeaders.Add("X-Forwarded-For", "203.0.113.7");
        var page = await DashboardClient.Page.ReadAsync(await http.GetAsync(link.PathAndQuery));
        Assert.Equal(HttpStatusCode.OK, page.Status);
        var antiforgery = page.Headers.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith(Antiforgery + "=", StringComparison.Ordinal));

        using var post = new HttpRequestMessage(HttpMethod.Post, "/dashboard/signin")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["token"] = DashboardClient.TokenOf(link),
                ["__antiforgery"] = page.AntiforgeryToken!,
            }),
        };
        post.Headers.Add("Cookie", antiforgery.Split(';')[0]);
        var signedIn = await http.SendAsync(post);
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        return (antiforgery, signedIn.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith(DashboardCookie.Name + "=", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Behind_a_listed_proxy_forwarded_https_makes_the_cookies_secure()
    {
        await using var host = await DashboardHost.StartAsync(Proxies("127.0.0.1"));

        var (antiforgery, session) = await SignInThroughProxyAsync(host);

        Assert.Contains("secure", antiforgery, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("secure", session, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task A_listed_network_counts_as_a_proxy()
    {
        await using var host = await DashboardHost.StartAsync(Proxies("", networks: "127.0.0.0/8"));

        var (_, session) = await SignInThroughProxyAsync(host);

        Assert.Contains("secure", session, StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData("")]
    [InlineData("10.9.8.7")]
    public async Task From_a_client_that_is_not_a_listed_proxy_forwarded_headers_are_ignored(string proxies)
    {
        await using var host = await DashboardHost.StartAsync(Proxies(proxies));

        var (antiforgery, session) = await SignInThroughProxyAsync(host);

        Assert.DoesNotContain("secure", antiforgery, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("secure", session, StringComparison.OrdinalIgnoreCase);
    }

    private static async Task<HttpStatusCode> OpenLinkAsync(HttpClient http, string forwardedFor)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/dashboard/signin?token=not-a-token");
        request.Headers.Add("X-Forwarded-For", forwardedFor);
        using var response = await http.SendAsync(request);
        return response.StatusCode;
    }

    [Fact]
    public async Task Behind_a_listed_proxy_the_sign_in_limit_is_per_forwarded_client()
    {
        await using var host = await DashboardHost.StartAsync(Proxies("127.0.0.1", permits: 2));
        using var http = new HttpClient { BaseAddress = host.BaseAddress };

        Assert.NotEqual(HttpStatusCode.TooManyRequests, await OpenLinkAsync(http, "203.0.113.5"));
        Assert.NotEqual(HttpStatusCode.TooManyRequests, await OpenLinkAsync(http, "203.0.113.5"));
        Assert.Equal(HttpStatusCode.TooManyRequests, await OpenLinkAsync(http, "203.0.113.5"));
        // Another client behind the same proxy has its own allowance.
        Assert.NotEqual(HttpStatusCode.TooManyRequests, await OpenLinkAsync(http, "203.0.113.6"));
    }

    [Fact]
    public async Task Without_a_listed_proxy_a_client_cannot_escape_the_limit_by_naming_other_addresses()
    {
        await using var host = await DashboardHost.StartAsync(Proxies("", permits: 2));
        using var http = new HttpClient { BaseAddress = host.BaseAddress };

        Assert.NotEqual(HttpStatusCode.TooManyRequests, await OpenLinkAsync(http, "203.0.113.5"));
        Assert.NotEqual(HttpStatusCode.TooManyRequests, await OpenLinkAsync(http, "203.0.113.6"));
        Assert.Equal(HttpStatusCode.TooManyRequests, await OpenLinkAsync(http, "203.0.113.7"));
    }

    [Theory]
    [InlineData("KnownProxies", "10.0.0.300", "Dashboard:ForwardedHeaders:KnownProxies has '10.0.0.300', which is not an IP address")]
    [InlineData("KnownNetworks", "10.0.0.0/33", "Dashboard:ForwardedHeaders:KnownNetworks has '10.0.0.0/33', which is not a network in CIDR form")]
    [InlineData("KnownNetworks", "10.0.0.1", "Dashboard:ForwardedHeaders:KnownNetworks has '10.0.0.1', which is not a network in CIDR form")]
    public async Task A_bad_proxy_address_stops_the_start_with_a_message_naming_the_key(string key, string value, string message)
    {
        using var folder = new TempFolder();
        await using var app = BotApplication.Build(
            ["--urls", "http://127.0.0.1:0"],
            new MentorBot.Host.Console.ConsoleStreams(new LineFeedReader(), new ReplyWriter()),
            cfg => cfg.AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Storage:DatabasePath"] = folder.DatabasePath,
                ["Knowledge:Path"] = TestPaths.BesideApp,
                [$"Dashboard:ForwardedHeaders:{key}:0"] = value,
            }));

        var problem = StartupCheck.Run(app.Services);

        Assert.NotNull(problem);
        Assert.Contains(message, problem, StringComparison.Ordinal);
    }
}
