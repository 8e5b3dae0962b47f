using MentorBot.Core.Background;
using MentorBot.Discord.Gateway;
using MentorBot.Discord.Interactions;
using MentorBot.Discord.Rest;
using MentorBot.Discord.Tests.Fakes;
using MentorBot.Testing.Time;
using MentorBot.Testing.WebSockets;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace MentorBot.Discord.Tests.Gateway;

/// <summary>An unreachable Discord is retried with backoff, REST's and the Gateway's, and never stops the adapter.</summary>
public sealed class GatewayShardsRetryTests
{
    [Fact]
    public async Task Unreachable_discord_is_retried_with_backoff_and_never_stops_the_adapter()
    {
        var time = new WatchedTimeProvider();
        var jitter = new FixedJitter(0.5);
        using var http = new HttpClient();
        // Nothing listens on the discard port: every request is refused at once.
        var options = Options.Create(new DiscordOptions { ApplicationId = FakeDiscord.ApplicationId, ApiBaseUrl = "http://127.0.0.1:9/api/v10", BotToken = FakeDiscord.BotToken });
        var rest = new DiscordRestClient(http, options, new RateLimiter(time), time, NullLogger<DiscordRestClient>.Instance, jitter: jitter);
        var processor = new InteractionProcessor(new SlowDispatcher(), new EmptyFaqService(), rest, options, time, NullLogger<InteractionProcessor>.Instance);
        var sockets = new ScriptedWebSocketFactory();
        using var shards = new GatewayShards(rest, processor, options, time, NullLoggerFactory.Instance, new InProcessIdentifyGate(time, TimeSpan.Zero),
            new BackgroundWorkQueue(Options.Create(new BackgroundWorkOptions()), NullLogger<BackgroundWorkQueue>.Instance), sockets: sockets, jitter: jitter);

        await shards.StartAsync(CancellationToken.None);
        for (var round = 1; round <= 2; round++)
        {
            // REST retries a refused request four times (400 ms, 800 ms, … with the jitter at 0.5), then the shards
            // back off (250 ms, then 500 ms) and ask again.
            foreach (var attempt in Enumerable.Range(1, 4))
            {
                var wait = DiscordRestClient.Retry.Delay(attempt, jitter);
                await time.WaitForTimerAsync(wait);
                time.Advance(wait);
            }
            var backoff = GatewayClient.Reconnect.Delay(round, jitter);
            await time.WaitForTimerAsync(backoff);
            Assert.False(shards.ExecuteTask!.IsCompleted, "the adapter keeps retrying");
            time.Advance(backoff);
        }

        Assert.Null(shards.FatalCloseCode);
        Assert.Equal(0, sockets.ConnectAttempts);
        await shards.StopAsync(CancellationToken.None);
    }
}
