using System.Net;
using System.Net.Sockets;
using MentorBot.Host.Cli;
using MentorBot.Host.Tests.Support;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;

namespace MentorBot.Host.Tests;

/// <summary><c>health</c>, the Docker HEALTHCHECK's probe, against real hosts on loopback ports the OS picked.</summary>
public sealed class HealthVerbTests : IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task A_running_host_is_healthy_by_url_and_by_its_listen_address_and_unhealthy_once_stopped()
    {
        await using var host = await ConsoleHost.StartAsync(_temp.DatabasePath);
        var url = Assert.Single(host.App.Urls);
        var port = new Uri(url).Port;

        var byUrl = Run(["health", "--url", url]);
        Assert.Equal(0, byUrl.ExitCode);
        Assert.Equal($"healthy: {url}/healthz answered 200 (status ok)\n", byUrl.Out);
        Assert.Equal("", byUrl.Error);

        // As in the Docker image: the host listens on every interface, the probe calls the loopback of that port.
        var byListenAddress = Run(["health"], new() { ["ASPNETCORE_URLS"] = $"http://0.0.0.0:{port}" });
        Assert.Equal(0, byListenAddress.ExitCode);
        Assert.Equal($"healthy: http://127.0.0.1:{port}/healthz answered 200 (status ok)\n", byListenAddress.Out);

        // 'urls' (the --urls setting) wins over ASPNETCORE_URLS, as it does for the host.
        var bySetting = Run(["health"], new() { ["urls"] = url, ["ASPNETCORE_URLS"] = "http://127.0.0.1:1" });
        Assert.Equal(0, bySetting.ExitCode);

        await host.EndInputAsync(TimeSpan.FromSeconds(5));

        var stopped = Run(["health", "--url", url]);
        Assert.Equal(1, stopped.ExitCode);
        Assert.Equal("", stopped.Out);
        Assert.StartsWith($"unhealthy: cannot reach {url}/healthz: ", stopped.Error, StringComparison.Ordinal);
        Assert.Single(Lines(stopped.Error));
    }

    [Fact]
    public async Task A_degraded_answer_is_unhealthy_with_its_status()
    {
        var builder = LoopbackApp.CreateBuilder();
        await using var app = builder.Build();
        app.MapGet("/healthz", () => Results.Json(new { status = "degraded" }, statusCode: StatusCodes.Status503ServiceUnavailable));
        await app.StartAsync();
        var url = LoopbackApp.AddressOf(app).ToString().TrimEnd('/');

        var run = Run(["health", "--url", url]);

        Assert.Equal(1, run.ExitCode);
        Assert.Equal($"unhealthy: {url}/healthz answered 503 Service Unavailable (status degraded)\n", run.Error);
    }

    [Fact]
    public void Nothing_listening_on_the_default_address_is_unhealthy()
    {
        // A port that was free a moment ago: bound and released, so nothing listens there.
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();

        var run = Run(["health"], new() { ["urls"] = $"http://localhost:{port};http://127.0.0.1:{port + 1}" });

        Assert.Equal(1, run.ExitCode);
        Assert.StartsWith($"unhealthy: cannot reach http://localhost:{port}/healthz: ", run.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("http://127.0.0.1:0", "a port the OS picks; pass --url")]
    [InlineData("not a url", "")]
    public void A_listen_address_it_cannot_call_is_one_clear_line(string urls, string expected)
    {
        var run = Run(["health"], new() { ["urls"] = urls });

        Assert.Equal(1, run.ExitCode);
        Assert.StartsWith("unhealthy: ", run.Error, StringComparison.Ordinal);
        Assert.Contains(expected, run.Error, StringComparison.Ordinal);
        Assert.Single(Lines(run.Error));
    }

    [Fact]
    public void The_default_is_the_hosts_default_address() =>
        Assert.Equal(BotApplication.DefaultUrl + "/healthz", HealthVerb.FromListenAddress(new ConfigurationBuilder().Build()));

    private static string[] Lines(string text) => text.Split('\n', StringSplitOptions.RemoveEmptyEntries);

    private static (int ExitCode, string Out, string Error) Run(string[] args, Dictionary<string, string?>? settings = null)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings ?? []).Build();
        using var input = new StringReader("");
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exit = CliVerbs.Run(args, new CliConsole(input, output, error), configuration);
        return (exit, output.ToString().Replace("\r\n", "\n", StringComparison.Ordinal), error.ToString().Replace("\r\n", "\n", StringComparison.Ordinal));
    }
}
