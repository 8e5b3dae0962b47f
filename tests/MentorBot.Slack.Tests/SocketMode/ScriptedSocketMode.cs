using MentorBot.Slack.SocketMode;
using MentorBot.Slack.Tests.Fakes;
using MentorBot.Testing.Time;
using MentorBot.Testing.WebSockets;
using Microsoft.Extensions.DependencyInjection;

namespace MentorBot.Slack.Tests.SocketMode;

/// <summary>
/// The real <see cref="SocketModeClient"/> over scripted WebSockets on a watched fake clock, jitter pinned at <see cref="Jitter"/>.
/// Its other collaborators come from a host in Http mode (so that host runs no Socket Mode client of its own), and
/// <c>apps.connections.open</c> is answered by the fake Slack on loopback.
/// </summary>
internal sealed class ScriptedSocketMode : IAsyncDisposable
{
    public static readonly FixedJitter Jitter = new(0.25);

    private readonly FakeSlack _slack;
    private readonly RunningHost _host;

    private ScriptedSocketMode(FakeSlack slack, RunningHost host)
    {
        _slack = slack;
        _host = host;
        Client = ActivatorUtilities.CreateInstance<SocketModeClient>(host.App.Services, Sockets, Time, Jitter, State);
    }

    public WatchedTimeProvider Time { get; } = new();

    public ScriptedWebSocketFactory Sockets { get; } = new();

    public SlackAdapterState State { get; } = new() { HttpMode = false };

    public SocketModeClient Client { get; }

    public FakeSlack Slack => _slack;

    /// <param name="before">Scripts the server before the client first connects.</param>
    public static async Task<ScriptedSocketMode> StartAsync(Action<ScriptedSocketMode>? before = null)
    {
        var slack = await FakeSlack.StartAsync();
        var host = await RunningHost.StartAsync(slack, SlackMode.Http);
        var scripted = new ScriptedSocketMode(slack, host);
        before?.Invoke(scripted);
        await scripted.Client.StartAsync(CancellationToken.None);
        return scripted;
    }

    /// <summary>The next connection, after Slack's hello.</summary>
    public async Task<ScriptedWebSocket> HelloAsync()
    {
        var socket = await Sockets.NextConnectionAsync();
        socket.ServerSend("""{"type":"hello","num_connections":1}""");
        return socket;
    }

    public async ValueTask DisposeAsync()
    {
        await Client.StopAsync(CancellationToken.None);
        Client.Dispose();
        State.Dispose();
        await _host.DisposeAsync();
        await _slack.DisposeAsync();
    }
}
