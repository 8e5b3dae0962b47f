using System.Globalization;
using MentorBot.Discord.Rendering;
using MentorBot.Discord.Rest;
using MentorBot.Host.Tests.Support;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace MentorBot.Host.Tests.Discord;

/// <summary>
/// Two hosts of one bot, both with more to send than the bot's global limit allows, against a fake Discord that
/// measures the combined rate: through the shared schedule in PostgreSQL, or with half the limit each
/// (<c>Discord:GlobalRateShare</c>), the bot as a whole stays under the limit.
/// </summary>
public sealed class SharedGlobalLimitTests(ITestOutputHelper output) : FakeDiscordOnPostgres
{
    private const int Limit = 20;
    private const int MessagesPerHost = 50;

    [Fact]
    public async Task Two_busy_hosts_sharing_the_schedule_in_the_database_stay_under_the_bots_global_limit()
    {
        var (seconds, created) = await RunTwoHostsAsync(throughDatabase: true, share: "1.0");

        output.WriteLine($"shared schedule: {2 * MessagesPerHost} messages in {seconds:0.0} s, peak {Discord.PeakGlobalRequestsPerSecond} requests in any one second at the fake (limit {Limit})");
        Assert.Equal(2 * MessagesPerHost, created);
        // The schedule leaves 5% headroom (19 slots a second here) for requests that reach Discord late. A machine stalled
        // between the limiter and the socket can still bunch two, so the test allows one over rather than be flaky on a
        // loaded CI box; unshared hosts reach 30 and more (the next test).
        Assert.True(Discord.PeakGlobalRequestsPerSecond <= Limit + 1, $"peak {Discord.PeakGlobalRequestsPerSecond} requests in one second");
        Assert.Equal(0, Discord.RateLimitedRequests);
    }

    [Fact]
    public async Task Two_busy_hosts_with_half_the_limit_each_keep_to_their_shares()
    {
        var (seconds, created) = await RunTwoHostsAsync(throughDatabase: false, share: "0.5");

        // Each host allows itself Limit/2 per sliding second, a burst at the start of each: 50 messages take at
        // least 4 s. Seen from Discord, one host's burst can land next to the other's (the peak below), which is what
        // the shared schedule avoids by spacing every request of the bot 1/Limit s apart.
        output.WriteLine($"shares of 0.5: {2 * MessagesPerHost} messages in {seconds:0.0} s, peak {Discord.PeakGlobalRequestsPerSecond} requests in any one second at the fake (limit {Limit})");
        Assert.Equal(2 * MessagesPerHost, created);
        Assert.True(seconds >= MessagesPerHost / (Limit * 0.5) - 1 - 0.1, $"{MessagesPerHost} messages per host in {seconds:0.0} s is faster than half the limit");
    }

    /// <returns>How long the measured run took, and the messages it created.</returns>
    private async Task<(double Seconds, long Created)> RunTwoHostsAsync(bool throughDatabase, string share)
    {
        await using var first = Build(throughDatabase, share);
        await using var second = Build(throughDatabase, share);
        Assert.Null(StartupCheck.Run(first.Services));
        await Task.WhenAll(first.StartAsync(), second.StartAsync());

        // Warm up (connections, JIT), so a first burst delayed by start-up costs does not land on top of the next one.
        await Task.WhenAll(new[] { first, second }.Select((host, index) => SendAsync(host, 10 + index, 4, 1)));
        await Task.Delay(1500);
        Discord.ResetGlobalPeak();
        var before = Discord.CreatedMessages;

        var started = Environment.TickCount64;
        await Task.WhenAll(new[] { first, second }.Select((host, index) => SendAsync(host, index, MessagesPerHost, 8)));
        var seconds = (Environment.TickCount64 - started) / 1000.0;
        var created = Discord.CreatedMessages - before;
        await Task.WhenAll(first.StopAsync(), second.StopAsync());
        return (seconds, created);
    }

    private static async Task SendAsync(WebApplication host, int index, int messages, int senders)
    {
        var rest = host.Services.GetRequiredService<DiscordRestClient>();
        var next = -1;
        await Task.WhenAll(Enumerable.Range(0, senders).Select(async _ =>
        {
            int n;
            while ((n = Interlocked.Increment(ref next)) < messages)
            {
                // One channel each, so per-channel buckets never hold a sender back: only the global limit does.
                var channel = (500_000_000_000_000_000L + index * 1000 + n).ToString(CultureInfo.InvariantCulture);
                await rest.CreateMessageAsync(channel, new MessagePayload { Content = "task " + n }, CancellationToken.None);
            }
        }));
    }

    private WebApplication Build(bool throughDatabase, string share)
    {
        var settings = HostSettings();
        settings["Discord:GlobalRequestsPerSecond"] = Limit.ToString(CultureInfo.InvariantCulture);
        settings["Discord:GlobalRateShare"] = share;
        settings["Discord:CoordinateThroughDatabase"] = throughDatabase ? "true" : "false";
        return BuildHost(settings);
    }
}
