using MentorBot.Core.Background;
using MentorBot.Discord.Gateway;
using MentorBot.Discord.Interactions;
using MentorBot.Discord.Tests.Fakes;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace MentorBot.Discord.Tests.Gateway;

/// <summary>After op 9 Invalid Session the client waits a random 1 to 5 seconds before identifying again.</summary>
public sealed class InvalidSessionWaitTests : IAsyncLifetime
{
    private const int StepMs = 100;

    private readonly FakeTimeProvider _time = new();
    private readonly HttpClient _http = new();
    private readonly CancellationTokenSource _stop = new();
    private FakeDiscord _discord = null!;
    private GatewayClient _gateway = null!;
    private Task _running = Task.CompletedTask;

    public async Task InitializeAsync()
    {
        _discord = await FakeDiscord.StartAsync();
        var options = FakeDiscordClients.Options(_discord);
        // REST runs on real time; the Gateway's waits (backoff, the op 9 pause, heartbeats) run on the fake clock.
        var rest = FakeDiscordClients.Rest(_http, options);
        var processor = new InteractionProcessor(new SlowDispatcher(), new EmptyFaqService(), rest, options, _time, NullLogger<InteractionProcessor>.Instance);
        // This test is about the op 9 pause alone, so identify turns are not spaced out.
        var identifyGate = new InProcessIdentifyGate(_time, TimeSpan.Zero);
        _gateway = new GatewayClient(rest, processor, options, _time, NullLogger<GatewayClient>.Instance, identifyGate, new ShardInfo(0, 1),
            new BackgroundWorkQueue(Options.Create(new BackgroundWorkOptions()), NullLogger<BackgroundWorkQueue>.Instance));
        _running = _gateway.RunAsync(_stop.Token);
    }

    public async Task DisposeAsync()
    {
        await _stop.CancelAsync();
        await _running;
        _gateway.Dispose();
        _http.Dispose();
        _stop.Dispose();
        await _discord.DisposeAsync();
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Op9_waits_between_one_and_five_seconds_before_the_next_attempt(bool resumable)
    {
        await Wait.UntilAsync(() => _discord.SessionId is not null, "READY");

        await _discord.SendInvalidSessionAsync(resumable);
        await Wait.UntilAsync(() => !_discord.IsConnected, "the client closing after op 9");
        // Let the client reach its wait before the clock moves, so no advance is spent before the timer exists.
        await Task.Delay(200);

        var waited = 0;
        while (_discord.Connections == 1 && waited < 10_000)
        {
            _time.Advance(TimeSpan.FromMilliseconds(StepMs));
            waited += StepMs;
            // Real time for the client to connect if its timer has fired.
            await Task.Delay(30);
            if (waited == 900)
            {
                await Task.Delay(300);
                Assert.Equal(1, _discord.Connections);
            }
        }

        await Wait.UntilAsync(() => _discord.Connections == 2, "reconnect");
        Assert.InRange(waited, 1000, 5000 + StepMs);
        if (!resumable)
            await Wait.UntilAsync(() => _discord.Identifies == 2, "a fresh identify");
    }

    [Fact]
    public void The_wait_spans_exactly_one_to_five_seconds()
    {
        Assert.Equal(TimeSpan.FromSeconds(1), GatewayClient.InvalidSessionWait(0));
        Assert.Equal(TimeSpan.FromSeconds(3), GatewayClient.InvalidSessionWait(0.5));
        Assert.True(GatewayClient.InvalidSessionWait(0.999999) <= TimeSpan.FromSeconds(5));
    }
}
