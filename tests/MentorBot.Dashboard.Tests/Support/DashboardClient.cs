using System.Net;
using System.Text.RegularExpressions;

namespace MentorBot.Dashboard.Tests.Support;

/// <summary>
/// An HTTP client that behaves like one browser: it keeps cookies, does not follow redirects, and posts forms with the
/// antiforgery token of the page they came from.
/// </summary>
internal sealed partial class DashboardClient : IDisposable
{
    private readonly HttpClient _http;

    public DashboardClient(Uri baseAddress)
    {
        Cookies = new CookieContainer();
        _http = new HttpClient(new HttpClientHandler { CookieContainer = Cookies, AllowAutoRedirect = false, UseCookies = true })
        {
            BaseAddress = baseAddress,
        };
    }

    public CookieContainer Cookies { get; }

    public async Task<Page> GetAsync(string pathOrUrl)
    {
        var response = await _http.GetAsync(new Uri(pathOrUrl, UriKind.RelativeOrAbsolute));
        return await Page.ReadAsync(response);
    }

    /// <summary>Posts <paramref name="fields"/>; with <paramref name="from"/>, also that page's antiforgery token.</summary>
    public async Task<Page> PostAsync(string path, IReadOnlyDictionary<string, string> fields, Page? from)
    {
        var form = new Dictionary<string, string>(fields);
        if (from is not null)
            form["__antiforgery"] = from.AntiforgeryToken ?? throw new InvalidOperationException("The page has no antiforgery token:\n" + from.Html);
        using var content = new FormUrlEncodedContent(form);
        var response = await _http.PostAsync(new Uri(path, UriKind.RelativeOrAbsolute), content);
        return await Page.ReadAsync(response);
    }

    /// <summary>Opens the link and presses "Continue to the dashboard"; returns the answer to that POST.</summary>
    public async Task<Page> SignInAsync(Uri link)
    {
        var continuePage = await GetAsync(link.PathAndQuery);
        Assert.Equal(HttpStatusCode.OK, continuePage.Status);
        return await PostAsync("/dashboard/signin", new Dictionary<string, string> { ["token"] = TokenOf(link) }, continuePage);
    }

    public static string TokenOf(Uri link) => Uri.UnescapeDataString(link.Query["?token=".Length..]);

    public void Dispose() => _http.Dispose();

    internal sealed partial record Page(HttpStatusCode Status, string Html, HttpResponseMessage Headers)
    {
        public string? AntiforgeryToken => AntiforgeryPattern().Match(Html) is { Success: true } m ? WebUtility.HtmlDecode(m.Groups[1].Value) : null;

        public string? Header(string name) =>
            Headers.Headers.TryGetValues(name, out var values) ? string.Join(", ", values)
            : Headers.Content.Headers.TryGetValues(name, out var content) ? string.Join(", ", content) : null;

        public static async Task<Page> ReadAsync(HttpResponseMessage response)
        {
            var html = await response.Content.ReadAsStringAsync();
            return new Page(response.StatusCode, html, response);
        }

        [GeneratedRegex("name=\"__antiforgery\" type=\"hidden\" value=\"([^\"]+)\"")]
        private static partial Regex AntiforgeryPattern();
    }
}
