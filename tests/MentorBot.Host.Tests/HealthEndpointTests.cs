using System.Net;
using System.Text.Json;
using MentorBot.Host.Tests.Support;

namespace MentorBot.Host.Tests;

/// <summary><c>GET /healthz</c> over a real loopback socket on a port the OS picked.</summary>
public sealed class HealthEndpointTests : IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task Healthz_reports_ok_storage_schema_knowledge_and_the_console_adapter()
    {
        await using var host = await ConsoleHost.StartAsync(_temp.DatabasePath);
        var address = Assert.Single(host.App.Urls);
        var uri = new Uri(address);
        Assert.Equal("127.0.0.1", uri.Host);
        Assert.NotEqual(0, uri.Port);

        using var client = new HttpClient { BaseAddress = uri, Timeout = TimeSpan.FromSeconds(10) };
        using var response = await client.GetAsync(new Uri("/healthz", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var root = json.RootElement;
        Assert.Equal("ok", root.GetProperty("status").GetString());
        Assert.True(root.GetProperty("storage").GetProperty("reachable").GetBoolean());
        Assert.Equal(1, root.GetProperty("storage").GetProperty("schemaVersion").GetInt32());
        Assert.True(root.GetProperty("knowledge").GetProperty("faqEntries").GetInt32() > 30);
        Assert.Equal(14, root.GetProperty("knowledge").GetProperty("roadmapWeeks").GetInt32());
        Assert.Equal<string>(["ConsoleAdapter"], [.. root.GetProperty("adapters").EnumerateArray().Select(a => a.GetString()!)]);

        using var missing = await client.GetAsync(new Uri("/nothing-here", UriKind.Relative));
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);

        await host.EndInputAsync(TimeSpan.FromSeconds(5));
        await Assert.ThrowsAnyAsync<HttpRequestException>(() => client.GetAsync(new Uri("/healthz", UriKind.Relative)));
    }

    [Fact]
    public async Task Without_the_console_the_host_serves_healthz_with_no_adapters()
    {
        await using var host = await ConsoleHost.StartAsync(_temp.DatabasePath, new Dictionary<string, string?> { ["Console:Enabled"] = "false" });
        using var client = new HttpClient { BaseAddress = new Uri(Assert.Single(host.App.Urls)), Timeout = TimeSpan.FromSeconds(10) };
        using var json = JsonDocument.Parse(await client.GetStringAsync(new Uri("/healthz", UriKind.Relative)));
        Assert.Equal(0, json.RootElement.GetProperty("adapters").GetArrayLength());
        await host.App.StopAsync().WaitAsync(TimeSpan.FromSeconds(5));
        await host.Run.WaitAsync(TimeSpan.FromSeconds(5));
    }
}
