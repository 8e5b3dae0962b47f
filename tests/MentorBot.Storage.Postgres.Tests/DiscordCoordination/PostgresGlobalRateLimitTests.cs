using System.Diagnostics;
using MentorBot.Discord.Postgres;
using Xunit.Abstractions;

namespace MentorBot.Storage.Postgres.Tests.DiscordCoordination;

/// <summary>Two hosts' shared global limiters on one real database, each with its own connection pool.</summary>
public sealed class PostgresGlobalRateLimitTests(ITestOutputHelper output) : TwoHostsOnOneDatabase
{
    private const int Limit = 20;

    [Fact]
    public async Task Two_hosts_together_stay_under_the_global_limit_in_every_second()
    {
        using var one = new PostgresGlobalRateLimit(First, Limit, TimeProvider.System);
        using var two = new PostgresGlobalRateLimit(Second, Limit, TimeProvider.System);
        var run = TimeSpan.FromSeconds(4);
        var clock = Stopwatch.StartNew();
        var permits = new List<(int Host, TimeSpan At)>();

        // Each host has more demand than the whole bot's limit: five senders each, never idle.
        await Task.WhenAll(new[] { one, two }.SelectMany((limiter, host) => Enumerable.Range(0, 5).Select(async _ =>
        {
            while (clock.Elapsed < run)
            {
                await limiter.WaitAsync(CancellationToken.None);
                lock (permits)
                    permits.Add((host, clock.Elapsed));
            }
        })));

        var perSecond = permits.Where(p => p.At < run).GroupBy(p => (int)p.At.TotalSeconds).Select(g => g.Count()).ToList();
        var busiest = perSecond.Max();
        output.WriteLine($"limit {Limit}/s; permits per second: {string.Join(", ", perSecond)}; host 0: {permits.Count(p => p.Host == 0)}, host 1: {permits.Count(p => p.Host == 1)}");
        // The shared schedule fills 95% of the limit, the headroom for a waiter woken late by a busy machine; the test
        // notes each permit after WaitAsync returns, which a stall can delay too, hence one more.
        Assert.True(busiest <= Limit + 1, $"{busiest} permits in one second; per second: {string.Join(", ", perSecond)}");
        var inRun = permits.Count(p => p.At < run);
        Assert.True(inRun <= Limit * run.TotalSeconds, $"{inRun} permits in {run.TotalSeconds} s");
        // Both hosts got a fair part of what was sent, and the limit was used rather than starved. The floor is loose on
        // purpose: a slot whose waiter wakes more than 50 ms late is dropped, not spent late, so a machine stalled by
        // other test processes sends less (a CI run sent 44 of 80); a limiter that stops or stalls sends next to nothing.
        Assert.True(permits.Count(p => p.Host == 0) >= inRun / 4 && permits.Count(p => p.Host == 1) >= inRun / 4,
            $"host 0 sent {permits.Count(p => p.Host == 0)}, host 1 sent {permits.Count(p => p.Host == 1)}");
        Assert.True(inRun >= Limit * run.TotalSeconds / 4, $"only {inRun} permits in {run.TotalSeconds} s");
    }

    [Fact]
    public async Task An_idle_bot_gets_a_permit_at_once()
    {
        using var one = new PostgresGlobalRateLimit(First, Limit, TimeProvider.System);
        await one.WaitAsync(CancellationToken.None);
        await Task.Delay(200);

        var clock = Stopwatch.StartNew();
        await one.WaitAsync(CancellationToken.None);

        Assert.True(clock.Elapsed < TimeSpan.FromMilliseconds(1000), $"waited {clock.Elapsed.TotalMilliseconds:0} ms");
    }

    [Fact]
    public async Task An_unreachable_database_falls_back_to_the_local_limit_instead_of_failing_requests()
    {
        // Nothing listens on the discard port.
        await using var unreachable = new DiscordCoordinationDatabase("Host=127.0.0.1;Port=9;Username=nobody;Timeout=3");
        using var limiter = new PostgresGlobalRateLimit(unreachable, Limit, TimeProvider.System);
        var clock = Stopwatch.StartNew();

        await limiter.WaitAsync(CancellationToken.None);
        var afterFirst = clock.Elapsed;
        await limiter.WaitAsync(CancellationToken.None);

        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10), $"took {clock.Elapsed.TotalMilliseconds:0} ms");
        Assert.True(clock.Elapsed - afterFirst < TimeSpan.FromSeconds(1), "during the fallback the database is not asked again");
    }
}
