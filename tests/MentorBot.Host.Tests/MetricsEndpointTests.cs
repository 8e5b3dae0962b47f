using System.Net;
using MentorBot.Core.Delivery;
using MentorBot.Host.Tests.Support;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;

namespace MentorBot.Host.Tests;

/// <summary><c>GET /metrics</c> on the real host over a loopback socket, and the <c>Metrics:*</c> options.</summary>
public sealed class MetricsEndpointTests : IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task With_metrics_on_a_scrape_shows_the_MentorBot_meters_http_server_and_runtime_series()
    {
        await using var host = await ConsoleHost.StartAsync(_temp.DatabasePath, new Dictionary<string, string?> { ["Metrics:Enabled"] = "true" });
        using var client = new HttpClient { BaseAddress = new Uri(Assert.Single(host.App.Urls)), Timeout = TimeSpan.FromSeconds(10) };
        using (var health = await client.GetAsync(new Uri("/healthz", UriKind.Relative)))
            Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        // The engine's own counter instance, as a confirmed weekly message would move it.
        host.Service<DeliveryMetrics>().Delivered("console");

        using var response = await client.GetAsync(new Uri("/metrics", UriKind.Relative));
        var text = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/plain", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("mentorbot_delivery_delivered_total{", text, StringComparison.Ordinal);
        Assert.Contains("platform=\"console\"", text, StringComparison.Ordinal);
        Assert.Contains("http_server_request_duration_seconds_bucket{", text, StringComparison.Ordinal);
        Assert.Contains("http_route=\"/healthz\"", text, StringComparison.Ordinal);
        Assert.Contains("dotnet_gc_", text, StringComparison.Ordinal);
        Assert.Contains("process_cpu_time_seconds_total", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task With_metrics_off_by_default_metrics_is_404()
    {
        await using var host = await ConsoleHost.StartAsync(_temp.DatabasePath);
        using var client = new HttpClient { BaseAddress = new Uri(Assert.Single(host.App.Urls)), Timeout = TimeSpan.FromSeconds(10) };

        using var response = await client.GetAsync(new Uri("/metrics", UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task An_otlp_endpoint_receives_the_metrics_over_http_protobuf_at_the_latest_when_the_host_stops()
    {
        var received = new System.Collections.Concurrent.ConcurrentQueue<(string? ContentType, long Length)>();
        var builder = LoopbackApp.CreateBuilder();
        await using var collector = builder.Build();
        collector.MapPost("/v1/metrics", async (HttpRequest request) =>
        {
            using var body = new MemoryStream();
            await request.Body.CopyToAsync(body);
            received.Enqueue((request.ContentType, body.Length));
            return Results.Ok();
        });
        await collector.StartAsync();

        var host = await ConsoleHost.StartAsync(_temp.DatabasePath, new Dictionary<string, string?>
        {
            ["Metrics:OtlpEndpoint"] = new Uri(LoopbackApp.AddressOf(collector), "/v1/metrics").ToString(),
            ["Metrics:OtlpProtocol"] = "HttpProtobuf",
        });
        host.Service<DeliveryMetrics>().Delivered("console");
        // The periodic export runs once a minute; stopping the host flushes what is pending.
        await host.DisposeAsync();

        Assert.NotEmpty(received);
        Assert.All(received, export =>
        {
            Assert.Equal("application/x-protobuf", export.ContentType);
            Assert.True(export.Length > 0);
        });
    }

    [Theory]
    [InlineData("Metrics:OtlpEndpoint", "collector:4317", "Metrics:OtlpEndpoint must be an absolute http:// or https:// URL")]
    [InlineData("Metrics:OtlpEndpoint", "ftp://collector", "Metrics:OtlpEndpoint must be an absolute http:// or https:// URL")]
    [InlineData("Metrics:Enabled", "yes", "'Metrics'")]
    [InlineData("Metrics:OtlpProtocol", "carrier-pigeon", "'Metrics'")]
    public async Task A_bad_metrics_setting_stops_the_host_with_a_line_naming_it(string key, string value, string expected)
    {
        await using var app = BotApplication.Build(
            ["--urls", "http://127.0.0.1:0"],
            configure: c => c.AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Storage:DatabasePath"] = _temp.DatabasePath,
                ["Console:Enabled"] = "false",
                [key] = value,
            }));

        var problem = StartupCheck.Run(app.Services);

        Assert.NotNull(problem);
        Assert.Contains(expected, problem, StringComparison.Ordinal);
        Assert.False(File.Exists(_temp.DatabasePath));
    }

    [Theory]
    [InlineData("127.0.0.1", true)]
    [InlineData("::1", true)]
    [InlineData("::ffff:127.0.0.1", true)]
    [InlineData("10.0.0.5", false)]
    [InlineData("::ffff:10.0.0.5", false)]
    [InlineData("2001:db8::1", false)]
    public void Only_loopback_clients_count_as_local(string address, bool local) =>
        Assert.Equal(local, MetricsHostExtensions.IsLocal(IPAddress.Parse(address)));
}
