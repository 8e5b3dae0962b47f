using System.Net;
using System.Text.Json;
using MentorBot.Core.Delivery;
using MentorBot.Host.Console;
using MentorBot.Host.Tests.Support;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

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
        Assert.Equal(MentorBot.Storage.LiteDb.LiteDbContext.CurrentSchemaVersion, root.GetProperty("storage").GetProperty("schemaVersion").GetInt32());
        Assert.True(root.GetProperty("knowledge").GetProperty("faqEntries").GetInt32() > 30);
        Assert.Equal(14, root.GetProperty("knowledge").GetProperty("roadmapWeeks").GetInt32());
        var adapter = Assert.Single(root.GetProperty("adapters").EnumerateArray());
        Assert.Equal("console", adapter.GetProperty("name").GetString());
        Assert.True(adapter.GetProperty("connected").GetBoolean());

        using var missing = await client.GetAsync(new Uri("/nothing-here", UriKind.Relative));
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);

        await host.EndInputAsync(TimeSpan.FromSeconds(5));
        await Assert.ThrowsAnyAsync<HttpRequestException>(() => client.GetAsync(new Uri("/healthz", UriKind.Relative)));
    }

    [Fact]
    public void The_console_status_follows_the_adapter()
    {
        var status = new ConsoleAdapterStatus();
        Assert.Equal("console", status.Name);
        Assert.False(status.Connected);
        status.Set(true);
        Assert.True(status.Connected);
        status.Set(false);
        Assert.False(status.Connected);
    }

    [Fact]
    public void Announcement_channels_keep_the_colon_of_community_ids()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Delivery:AnnouncementChannels:discord:123456"] = "789",
            ["Delivery:AnnouncementChannels:slack:T0123"] = "C042",
        }).Build();
        var options = new DeliveryOptions();

        DeliveryHostExtensions.ReadAnnouncementChannels(configuration, options);

        Assert.Equal(2, options.AnnouncementChannels.Count);
        Assert.Equal("789", options.AnnouncementChannels["discord:123456"]);
        Assert.Equal("C042", options.AnnouncementChannels["slack:T0123"]);
    }

    [Fact]
    public async Task Announcement_channels_bind_through_the_host_options()
    {
        await using var host = await ConsoleHost.StartAsync(_temp.DatabasePath, new Dictionary<string, string?>
        {
            ["Console:Enabled"] = "false",
            ["Delivery:AnnouncementChannels:console:local"] = "announcements",
        });
        var options = host.App.Services.GetRequiredService<IOptions<DeliveryOptions>>().Value;
        Assert.Equal("announcements", Assert.Single(options.AnnouncementChannels).Value);
        Assert.Equal("console:local", Assert.Single(options.AnnouncementChannels).Key);
        await host.App.StopAsync().WaitAsync(TimeSpan.FromSeconds(5));
        await host.Run.WaitAsync(TimeSpan.FromSeconds(5));
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
