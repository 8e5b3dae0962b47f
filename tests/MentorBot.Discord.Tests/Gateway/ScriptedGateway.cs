using System.Text.Json;
using MentorBot.Core.Background;
using MentorBot.Discord.Gateway;
using MentorBot.Discord.Interactions;
using MentorBot.Discord.Tests.Fakes;
using MentorBot.Testing.Time;
using MentorBot.Testing.WebSockets;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace MentorBot.Discord.Tests.Gateway;

/// <summary>
/// One <see cref="GatewayClient"/> over a scripted WebSocket on a watched fake clock, with the jitter pinned at
/// <see cref="Jitter"/>: every wait is known exactly, and the test moves time only once the client is waiting.
/// REST (only <c>GET /gateway/bot</c> after a failed connect) goes to the fake Discord on loopback.
/// </summary>
internal sealed class ScriptedGateway : IAsyncDisposable
{
    public const double Jitter = 0.5;
    public const int HeartbeatMs = 1000;
    public const string GatewayUrl = "wss://gateway.test";
    public const string ResumeUrl = "wss://resume.test";

    private readonly HttpClient _http = new();
    private readonly CancellationTokenSource _stop = new();
    private readonly FakeDiscord _discord;

    private ScriptedGateway(FakeDiscord discord)
    {
        _discord = discord;
        var options = FakeDiscordClients.Options(discord);
        var rest = FakeDiscordClients.Rest(_http, options);
        var processor = new InteractionProcessor(new SlowDispatcher(), new EmptyFaqService(), rest, options, Time, NullLogger<InteractionProcessor>.Instance);
        Client = new GatewayClient(rest, processor, options, Time, NullLogger<GatewayClient>.Instance, new InProcessIdentifyGate(Time, TimeSpan.Zero), new ShardInfo(0, 1),
            new BackgroundWorkQueue(Options.Create(new BackgroundWorkOptions()), NullLogger<BackgroundWorkQueue>.Instance),
            new GatewayBotInfo { Url = GatewayUrl }, sockets: Sockets, jitter: new FixedJitter(Jitter));
    }

    public WatchedTimeProvider Time { get; } = new();

    public ScriptedWebSocketFactory Sockets { get; } = new();

    public GatewayClient Client { get; }

    public Task Running { get; private set; } = Task.CompletedTask;

    /// <param name="before">Scripts the server before the client first connects (e.g. failed connects).</param>
    public static async Task<ScriptedGateway> StartAsync(Action<ScriptedGateway>? before = null)
    {
        var gateway = new ScriptedGateway(await FakeDiscord.StartAsync());
        before?.Invoke(gateway);
        gateway.Running = gateway.Client.RunAsync(gateway._stop.Token);
        return gateway;
    }

    /// <summary>Accepts the next connection and says Hello; returns it with the client's first frame (identify or resume).</summary>
    public async Task<(ScriptedWebSocket Socket, JsonElement First)> HelloAsync()
    {
        var socket = await Sockets.NextConnectionAsync();
        socket.ServerSend($$$"""{"op":10,"d":{"heartbeat_interval":{{{HeartbeatMs}}}}}""");
        return (socket, await socket.NextSentAsync());
    }

    /// <summary>A new session: Hello, the client's identify, READY with sequence 1.</summary>
    public async Task<ScriptedWebSocket> ReadyAsync(string sessionId = "session-1")
    {
        var (socket, identify) = await HelloAsync();
        Assert.Equal(GatewayOpcodes.Identify, identify.GetProperty("op").GetInt32());
        socket.ServerSend($$$"""{"op":0,"s":1,"t":"READY","d":{"session_id":"{{{sessionId}}}","resume_gateway_url":"{{{ResumeUrl}}}"}}""");
        await FenceAsync(socket);
        return socket;
    }

    /// <summary>
    /// Returns once the client has processed every frame sent before: it answers a heartbeat request (op 1) at once,
    /// and frames are read in order. The heartbeat it sends is returned.
    /// </summary>
    public static async Task<JsonElement> FenceAsync(ScriptedWebSocket socket)
    {
        socket.ServerSend("""{"op":1}""");
        while (true)
        {
            var frame = await socket.NextSentAsync();
            if (frame.GetProperty("op").GetInt32() == GatewayOpcodes.Heartbeat)
                return frame;
        }
    }

    /// <summary>Moves the clock to the moment a timer of <paramref name="due"/> fires, once the client has armed it.</summary>
    public async Task ElapseAsync(TimeSpan due)
    {
        await Time.WaitForTimerAsync(due);
        Time.Advance(due);
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await Running.WaitAsync(TimeSpan.FromSeconds(10));
        Client.Dispose();
        _http.Dispose();
        _stop.Dispose();
        await _discord.DisposeAsync();
    }
}
