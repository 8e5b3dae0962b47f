using System.Diagnostics;
using MentorBot.Host.Tests.Support;

namespace MentorBot.Host.Tests;

/// <summary>Stopping the built host in console mode while its stdin stays open, as in a terminal or under docker.</summary>
public sealed class ConsoleShutdownTests : IDisposable
{
    // The host stops in well under a second on an idle machine; 5 s keeps the test honest (the defect took the host's
    // whole 30 s shutdown timeout) without failing on a heavily loaded CI machine.
    private static readonly TimeSpan StopBound = TimeSpan.FromSeconds(5);

    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    [Theory]
    [InlineData(UnixSignal.Terminate)]
    [InlineData(UnixSignal.Interrupt)]
    public async Task A_signal_stops_the_console_host_within_seconds_although_stdin_is_never_closed(UnixSignal signal)
    {
        // HostProcess keeps the child's stdin pipe open until it is disposed, so the console adapter sits in a read.
        using var host = BuiltHost.Start(_temp.Path, new Dictionary<string, string> { ["Storage__DatabasePath"] = _temp.DatabasePath });
        await FakeDiscordHost.UntilAsync(() => host.Output.Contains("Console adapter ready", StringComparison.Ordinal), "the console adapter to start", host);

        var clock = Stopwatch.StartNew();
        host.Signal(signal);
        var exitCode = await host.WaitForExitAsync(TimeSpan.FromSeconds(60));
        clock.Stop();

        Assert.True(exitCode == 0, $"exit code {exitCode}, output:\n{host.Output}");
        Assert.True(clock.Elapsed < StopBound, $"the host took {clock.Elapsed} to stop after {signal}; output:\n{host.Output}");
    }
}
