using System.Collections.Concurrent;
using System.Net.WebSockets;
using System.Threading.Channels;
using MentorBot.Core.WebSockets;

namespace MentorBot.Testing.WebSockets;

/// <summary>
/// An in-memory stand-in for the WebSocket server behind a Gateway or Socket Mode client: each connect the client makes
/// becomes a <see cref="ScriptedWebSocket"/> the test plays the server on. No sockets and no real time are involved.
/// </summary>
public sealed class ScriptedWebSocketFactory : IWebSocketFactory
{
    private readonly Channel<ScriptedWebSocket> _connected = Channel.CreateUnbounded<ScriptedWebSocket>();
    private readonly ConcurrentQueue<Exception> _connectFailures = new();
    private readonly ConcurrentQueue<ScriptedWebSocket> _connections = new();
    private int _attempts;

    /// <summary>Connects tried so far, failed ones included.</summary>
    public int ConnectAttempts => Volatile.Read(ref _attempts);

    /// <summary>The connections that were opened, in order.</summary>
    public IReadOnlyList<ScriptedWebSocket> Connections => [.. _connections];

    /// <summary>Whether the fake server answers a client's close frame with its own, as a well-behaved server does.</summary>
    public bool EchoClose { get; set; } = true;

    public IWebSocketConnection Create(WebSocketKeepAlive? keepAlive = null) => new ScriptedWebSocket(this, keepAlive);

    /// <summary>Makes the next connect fail (a refused or unreachable server by default).</summary>
    public void FailNextConnect(Exception? error = null) =>
        _connectFailures.Enqueue(error ?? new WebSocketException(WebSocketError.Faulted, "scripted: connection refused"));

    /// <summary>The next connection the client opens (in order), once it is open.</summary>
    public async Task<ScriptedWebSocket> NextConnectionAsync(TimeSpan? timeout = null)
    {
        using var cts = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(10));
        try
        {
            return await _connected.Reader.ReadAsync(cts.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cts.IsCancellationRequested)
        {
            throw new TimeoutException($"The client opened no further connection ({ConnectAttempts} attempts so far).");
        }
    }

    internal void OnConnecting(ScriptedWebSocket socket)
    {
        Interlocked.Increment(ref _attempts);
        if (_connectFailures.TryDequeue(out var failure))
            throw failure;
        _connections.Enqueue(socket);
        _connected.Writer.TryWrite(socket);
    }
}
