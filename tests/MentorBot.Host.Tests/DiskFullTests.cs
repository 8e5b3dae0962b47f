using System.Net;
using System.Text.Json;
using MentorBot.Core.Commands;
using MentorBot.Host.Tests.Support;

namespace MentorBot.Host.Tests;

/// <summary>
/// The host on a LiteDB file in a small tmpfs that fills up for real: reads keep answering, writes are refused with
/// a clear message, /healthz says degraded, and once space is freed everything works again without a restart and
/// nothing committed is lost. Skipped, with the reason, where a tmpfs cannot be mounted (not Linux, not root).
/// </summary>
public sealed class DiskFullTests
{
    private static readonly TimeSpan RecoveryWithin = TimeSpan.FromSeconds(30);

    [SkippableFact]
    public async Task A_full_disk_refuses_writes_keeps_reads_and_recovers_by_itself_when_space_returns()
    {
        using var disk = SmallTmpfs.TryMount(megabytes: 4, out var whyNot);
        Skip.If(disk is null, whyNot);
        var database = Path.Combine(disk.Path, "mentorbot.db");

        await using (var host = await ConsoleHost.StartAsync(database))
        {
            using var client = new HttpClient { BaseAddress = new Uri(Assert.Single(host.App.Urls)), Timeout = TimeSpan.FromSeconds(10) };
            Assert.StartsWith("Checked in for ", await host.SendAsync("/checkin before the disk filled"), StringComparison.Ordinal);
            Assert.Contains("#1", await host.SendAsync("/challenge post Before Build it due:2099-01-01"), StringComparison.Ordinal);

            var filler = disk.Fill();

            Assert.Equal(CommandDispatcher.StorageFullReply, await host.SendAsync("/challenge post During Build it due:2099-01-01"));
            // Reads still answer after the refused write, from the same host.
            Assert.Contains("Current: 1 day", await host.SendAsync("/streak"), StringComparison.Ordinal);
            Assert.Contains("1 day", await host.SendAsync("/leaderboard"), StringComparison.Ordinal);
            var list = await host.SendAsync("/challenge list");
            Assert.Contains("#1 Before", list, StringComparison.Ordinal);
            Assert.DoesNotContain("During", list, StringComparison.Ordinal);
            var (status, health) = await HealthAsync(client);
            Assert.Equal(HttpStatusCode.ServiceUnavailable, status);
            Assert.Equal("degraded", health.GetProperty("status").GetString());
            Assert.True(health.GetProperty("storage").GetProperty("full").GetBoolean());
            Assert.True(health.GetProperty("storage").GetProperty("reachable").GetBoolean());
            // A few pages back (LiteDB gives back those of a refused write when it drops it) do not end the degraded
            // state: a write would squeeze in, but the next would fail, and the health would flap.
            using (var shrink = new FileStream(filler, FileMode.Open, FileAccess.Write))
                shrink.SetLength(shrink.Length - (64 << 10));
            Assert.Equal(HttpStatusCode.ServiceUnavailable, (await HealthAsync(client)).Status);
            // The engine dropped for failing still owns the transaction the I/O error interrupted; its finalizer must
            // not throw on the finalizer thread, which would end the process (it did in a CI run, at the GC's whim).
            GC.Collect();
            GC.WaitForPendingFinalizers();

            File.Delete(filler);

            await Wait.UntilAsync(async () => (await HealthAsync(client)).Status == HttpStatusCode.OK,
                $"/healthz to be healthy again within {RecoveryWithin} after space was freed", (int)RecoveryWithin.TotalMilliseconds);
            Assert.False((await HealthAsync(client)).Body.GetProperty("storage").GetProperty("full").GetBoolean());
            // The refused post took nothing, not even an id.
            Assert.Contains("#2", await host.SendAsync("/challenge post After Build it due:2099-01-01"), StringComparison.Ordinal);
            await host.EndInputAsync(ConsoleHost.Timeout);
        }

        // Nothing committed was lost, nothing refused was kept: the file as a restarted host reads it.
        await using var restarted = await ConsoleHost.StartAsync(database);
        var after = await restarted.SendAsync("/challenge list");
        Assert.Contains("#1 Before", after, StringComparison.Ordinal);
        Assert.Contains("#2 After", after, StringComparison.Ordinal);
        Assert.DoesNotContain("During", after, StringComparison.Ordinal);
        Assert.Contains("Current: 1 day", await restarted.SendAsync("/streak"), StringComparison.Ordinal);
        await restarted.EndInputAsync(ConsoleHost.Timeout);
    }

    private static async Task<(HttpStatusCode Status, JsonElement Body)> HealthAsync(HttpClient client)
    {
        using var response = await client.GetAsync(new Uri("/healthz", UriKind.Relative));
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return (response.StatusCode, json.RootElement.Clone());
    }
}
