using System.Net;
using System.Net.Sockets;
using MentorBot.Host.Tests.Support;

namespace MentorBot.Host.Tests;

/// <summary>The built host started on an HTTP port another process already holds.</summary>
public sealed class PortInUseTests : IDisposable
{
    private static readonly TimeSpan ExitTimeout = TimeSpan.FromSeconds(60);

    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    [Theory]
    [InlineData("127.0.0.1")]
    [InlineData("localhost")]
    public async Task A_taken_port_stops_the_host_with_one_line_naming_the_address_before_storage_is_opened(string host)
    {
        using var holder = new TcpListener(IPAddress.Loopback, 0);
        holder.Start();
        var url = $"http://{host}:{((IPEndPoint)holder.LocalEndpoint).Port}";

        using var process = BuiltHost.Start(_temp.Path, new Dictionary<string, string>
        {
            ["ASPNETCORE_URLS"] = url,
            ["Storage__DatabasePath"] = _temp.DatabasePath,
        });
        var exitCode = await process.WaitForExitAsync(ExitTimeout);

        var lines = process.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.True(exitCode == 1, $"exit code {exitCode}, output:\n{process.Output}");
        var line = Assert.Single(lines);
        Assert.Contains(url, line, StringComparison.Ordinal);
        Assert.Contains("already in use", line, StringComparison.Ordinal);
        Assert.Contains("--urls", line, StringComparison.Ordinal);
        Assert.Contains("ASPNETCORE_URLS", line, StringComparison.Ordinal);
        Assert.False(File.Exists(_temp.DatabasePath), "the database was opened before the port was checked");
    }
}
