using System.Diagnostics;
using MentorBot.Discord.Postgres;

namespace MentorBot.Storage.Postgres.Tests.DiscordCoordination;

/// <summary>Two hosts' identify gates on one real database, each with its own connection pool.</summary>
public sealed class PostgresIdentifyGateTests : TwoHostsOnOneDatabase
{
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(1);

    [Fact]
    public async Task Hosts_on_one_database_never_identify_one_bucket_within_the_interval()
    {
        // A shorter interval than Discord's keeps the test quick; the rule is the same.
        var gates = new[] { new PostgresIdentifyGate(First, TimeProvider.System, Interval), new PostgresIdentifyGate(Second, TimeProvider.System, Interval) };
        var clock = Stopwatch.StartNew();
        var turns = new List<(int Host, TimeSpan At)>();

        await Task.WhenAll(Enumerable.Range(0, 4).Select(async i =>
        {
            var host = i % 2;
            await gates[host].WaitTurnAsync(0, CancellationToken.None);
            lock (turns)
                turns.Add((host, clock.Elapsed));
        }));

        var times = turns.Select(t => t.At).Order().ToList();
        Assert.Equal(4, times.Count);
        Assert.Contains(turns, t => t.Host == 0);
        Assert.Contains(turns, t => t.Host == 1);
        // Each turn is taken at the database's clock under the bucket's lock; what the test sees is that plus the time
        // the winning host needs to hear about it, hence a little slack on a loaded machine.
        for (var i = 1; i < times.Count; i++)
            Assert.True(times[i] - times[i - 1] >= Interval - TimeSpan.FromMilliseconds(150), $"turns {i - 1} and {i} were {(times[i] - times[i - 1]).TotalMilliseconds:0} ms apart");
        Assert.True(times[^1] - times[0] >= 3 * Interval - TimeSpan.FromMilliseconds(150), "four turns of one bucket span three intervals");
    }

    [Fact]
    public async Task Different_buckets_go_in_parallel_across_hosts()
    {
        var first = new PostgresIdentifyGate(First, TimeProvider.System, TimeSpan.FromSeconds(30));
        var second = new PostgresIdentifyGate(Second, TimeProvider.System, TimeSpan.FromSeconds(30));
        await first.WaitTurnAsync(0, CancellationToken.None);

        var clock = Stopwatch.StartNew();
        await second.WaitTurnAsync(1, CancellationToken.None);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10), "bucket 1 must not wait for bucket 0's 30 s");

        // And the same bucket from the other host does wait: give up after a moment.
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(500));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () => await second.WaitTurnAsync(0, cancel.Token));
    }
}
