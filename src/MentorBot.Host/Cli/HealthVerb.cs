using System.Net;
using System.Text.Json;
using Microsoft.Extensions.Configuration;

namespace MentorBot.Host.Cli;

/// <summary>
/// <c>health [--url URL]</c>: asks a running host's <c>/healthz</c> and exits 0 when it answers 200, 1 otherwise, with
/// one line either way. It exists for Docker's <c>HEALTHCHECK</c>: the runtime image has no curl, but it has the host.
/// Without <c>--url</c> it calls the address the host listens on, read from the same settings the host reads.
/// </summary>
internal static class HealthVerb
{
    /// <summary>Below the Dockerfile's HEALTHCHECK timeout (10 s), so the verb reports instead of being killed.</summary>
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(5);

    public static int Run(string? url, IConfiguration configuration, CliConsole console)
    {
        string target;
        try
        {
            target = url is null ? FromListenAddress(configuration) : Healthz(new Uri(url, UriKind.Absolute));
        }
        catch (FormatException ex)
        {
            console.Error.WriteLine($"unhealthy: {ex.Message}");
            return 1;
        }

        using var client = new HttpClient { Timeout = Timeout };
        try
        {
            using var response = client.Send(new HttpRequestMessage(HttpMethod.Get, target));
            var status = StatusOf(response);
            if (response.StatusCode == HttpStatusCode.OK)
            {
                console.Out.WriteLine($"healthy: {target} answered {(int)response.StatusCode}{status}");
                return 0;
            }

            console.Error.WriteLine($"unhealthy: {target} answered {(int)response.StatusCode} {response.ReasonPhrase}{status}");
            return 1;
        }
        catch (HttpRequestException ex)
        {
            console.Error.WriteLine($"unhealthy: cannot reach {target}: {ex.Message}");
            return 1;
        }
        catch (TaskCanceledException)
        {
            console.Error.WriteLine($"unhealthy: {target} did not answer within {Timeout.TotalSeconds:0} s");
            return 1;
        }
    }

    /// <summary>
    /// The first address of <c>urls</c> (the setting <c>--urls</c> and <c>ASPNETCORE_URLS</c> feed), or the host's
    /// default. A wildcard host (<c>0.0.0.0</c>, <c>[::]</c>, <c>+</c>, <c>*</c>) is listened on, not connected to, so
    /// the verb calls the loopback of the same port.
    /// </summary>
    internal static string FromListenAddress(IConfiguration configuration)
    {
        var urls = configuration["urls"] ?? configuration["ASPNETCORE_URLS"];
        var first = string.IsNullOrWhiteSpace(urls)
            ? BotApplication.DefaultUrl
            : urls.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)[0];
        var address = BindingAddress.Parse(first);
        if (address.IsUnixPipe || address.IsNamedPipe)
            throw new FormatException($"the host listens on '{first}', which is not a TCP address; pass --url");
        if (address.Port == 0)
            throw new FormatException($"the host listens on '{first}', a port the OS picks; pass --url with the actual port");

        var host = address.Host is "0.0.0.0" or "+" or "*" ? "127.0.0.1"
            : address.Host is "[::]" or "::" ? "[::1]"
            : address.Host;
        return Healthz(new Uri($"{address.Scheme}://{host}:{address.Port}{address.PathBase}"));
    }

    private static string Healthz(Uri baseAddress) =>
        new Uri(baseAddress, baseAddress.AbsolutePath.TrimEnd('/') + "/healthz").ToString();

    /// <summary>The <c>status</c> field of the report, when the body is one, for the one line.</summary>
    private static string StatusOf(HttpResponseMessage response)
    {
        try
        {
            using var json = JsonDocument.Parse(response.Content.ReadAsStream());
            return json.RootElement.TryGetProperty("status", out var status) && status.ValueKind == JsonValueKind.String
                ? $" (status {status.GetString()})"
                : "";
        }
        catch (JsonException)
        {
            return "";
        }
        catch (IOException)
        {
            return "";
        }
    }
}
