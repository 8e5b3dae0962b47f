using MentorBot.Host.Tests.Support;
using MentorBot.Testing.Hosting;

namespace MentorBot.Host.Tests;

/// <summary>One LiteDB file, one host: real host processes on one file, the second refused, a SIGKILLed one no obstacle.</summary>
public sealed class LiteDbSingleHostTests : IDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);

    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task A_second_host_on_the_file_exits_1_with_one_line_and_a_killed_holder_does_not_block_the_next()
    {
        using var first = Start();
        await OpenedAsync(first);

        using (var second = Start())
        {
            // Either it stops (as it must) or it opens the file too (the defect): no waiting out a timeout either way.
            await Wait.UntilAsync(() => second.HasExited || second.Output.Contains("Opened LiteDB", StringComparison.Ordinal),
                "the second host to stop or open the file", (int)StartTimeout.TotalMilliseconds);
            Assert.DoesNotContain("Opened LiteDB", second.Output, StringComparison.Ordinal);
            var exitCode = await second.WaitForExitAsync(StartTimeout);

            Assert.True(exitCode == 1, $"exit code {exitCode}; output:\n{second.Output}");
            var line = Assert.Single(second.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries));
            Assert.Contains($"another MentorBot process holds the LiteDB file '{_temp.DatabasePath}'", line, StringComparison.Ordinal);
            Assert.Contains("(Storage:DatabasePath)", line, StringComparison.Ordinal);
        }

        Assert.False(first.HasExited, "the first host stopped:\n" + first.Output);
        await first.KillAsync();
        Assert.True(File.Exists(_temp.DatabasePath + ".lock"), "the lock file is left behind by kill -9, as it would be in real life");

        using var third = Start();
        await OpenedAsync(third);
    }

    private HostProcess Start() => BuiltHost.Start(_temp.Path, new Dictionary<string, string>
    {
        ["Storage__DatabasePath"] = _temp.DatabasePath,
        ["Console__Enabled"] = "true",
    });

    private static async Task OpenedAsync(HostProcess host)
    {
        await Wait.UntilAsync(() => host.HasExited || host.Output.Contains("Opened LiteDB", StringComparison.Ordinal),
            "the host to open its LiteDB file", (int)StartTimeout.TotalMilliseconds);
        Assert.False(host.HasExited, "the host stopped:\n" + host.Output);
    }
}
