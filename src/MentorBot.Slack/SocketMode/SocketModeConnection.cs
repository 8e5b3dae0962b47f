using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using MentorBot.Core.WebSockets;
using Microsoft.Extensions.Logging;

namespace MentorBot.Slack.SocketMode;

/// <summary>
/// One Socket Mode WebSocket: connects, waits for <c>hello</c>, hands each envelope to the client, and reports a
/// <c>disconnect</c> request or the socket's end. Sends are serialised because a WebSocket allows one at a time.
/// </summary>
internal sealed partial class SocketModeConnection : IAsyncDisposable
{
    private static readonly TimeSpan HelloTimeout = TimeSpan.FromSeconds(10);
    private static readonly TimeSpan CloseTimeout = TimeSpan.FromSeconds(2);

    // Pings with a pong deadline notice a silently dead link (NAT timeout, sleeping laptop) that would otherwise look
    // open forever; the Node SDK checks every 5 seconds for the same reason.
    private static readonly WebSocketKeepAlive KeepAlive = new(TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(10));

    private readonly IWebSocketConnection _socket;
    private readonly TimeProvider _time;
    private readonly SemaphoreSlim _sendLock = new(1, 1);
    private readonly TaskCompletionSource _hello = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource<string> _disconnect = new(TaskCreationOptions.RunContinuationsAsynchronously);
    // Cancelled as disposal begins: stops the receive loop and wakes every send still waiting for the lock.
    private readonly CancellationTokenSource _ending = new();
    private readonly Func<SocketModeConnection, JsonElement, Task> _onEnvelope;
    private readonly ILogger _logger;
    private Task _receiveLoop = Task.CompletedTask;

    /// <param name="sockets">Makes the WebSocket; real unless a test scripts Slack.</param>
    /// <param name="time">Times the wait for hello.</param>
    public SocketModeConnection(int number, Func<SocketModeConnection, JsonElement, Task> onEnvelope, ILogger logger, IWebSocketFactory? sockets = null, TimeProvider? time = null)
    {
        Number = number;
        _socket = (sockets ?? ClientWebSocketFactory.Instance).Create(KeepAlive);
        _time = time ?? TimeProvider.System;
        _onEnvelope = onEnvelope;
        _logger = logger;
    }

    /// <summary>A running count, so log lines can tell the old connection from its replacement.</summary>
    public int Number { get; }

    /// <summary>Completes with the reason when Slack sends <c>disconnect</c>.</summary>
    public Task<string> DisconnectRequested => _disconnect.Task;

    /// <summary>Completes when the socket has ended, for whatever reason.</summary>
    public Task Closed => _receiveLoop;

    public async Task ConnectAsync(Uri url, CancellationToken cancellationToken)
    {
        await _socket.ConnectAsync(url, cancellationToken).ConfigureAwait(false);
        _receiveLoop = Task.Run(ReceiveLoopAsync, CancellationToken.None);
        // Slack only routes envelopes to a connection after it has said hello. No hello in time is a TimeoutException,
        // which the client retries like any failed connect.
        await Task.WhenAny(_hello.Task, _receiveLoop).WaitAsync(HelloTimeout, _time, cancellationToken).ConfigureAwait(false);
        if (!_hello.Task.IsCompleted)
            throw new WebSocketException("The Socket Mode connection closed before Slack said hello.");
    }

    /// <summary>
    /// Sends one frame. False when the connection ended before or during the send: callers fall back (response_url)
    /// or let Slack redeliver, so a lost acknowledgement is an outcome, not an error. Never waits past disposal.
    /// </summary>
    public async Task<bool> TrySendAsync(JsonObject message)
    {
        var bytes = Encoding.UTF8.GetBytes(message.ToJsonString());
        try
        {
            var ending = _ending.Token;
            await _sendLock.WaitAsync(ending).ConfigureAwait(false);
            try
            {
                await _socket.SendAsync(bytes, ending).ConfigureAwait(false);
                return true;
            }
            finally
            {
                _sendLock.Release();
            }
        }
        catch (Exception ex) when (ex is WebSocketException or OperationCanceledException or ObjectDisposedException or InvalidOperationException)
        {
            // A send cut short by Abort surfaces as OperationCanceledException, not WebSocketException.
            LogSendFailed(_logger, ex, Number, ex.Message);
            return false;
        }
    }

    /// <summary>Closes politely, giving in-flight acknowledgements a moment, then abandons the socket.</summary>
    public async Task CloseAsync()
    {
        try
        {
            // A send stuck past the timeout keeps the lock: then there is no polite close (a second send at once is not
            // allowed on a WebSocket), and disposal aborts the socket instead. Releasing a lock not taken would let two
            // sends overlap from then on.
            if (_socket.IsOpen && await _sendLock.WaitAsync(CloseTimeout).ConfigureAwait(false))
            {
                try
                {
                    using var timeout = new CancellationTokenSource(CloseTimeout);
                    await _socket.CloseOutputAsync((int)WebSocketCloseStatus.NormalClosure, "replaced", timeout.Token).ConfigureAwait(false);
                }
                finally
                {
                    _sendLock.Release();
                }
            }

            await _receiveLoop.WaitAsync(CloseTimeout).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is WebSocketException or OperationCanceledException or TimeoutException or ObjectDisposedException)
        {
            LogCloseFailed(_logger, ex, Number, ex.Message);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _ending.CancelAsync().ConfigureAwait(false);
        _socket.Abort();
        try
        {
            await _receiveLoop.ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is WebSocketException or OperationCanceledException)
        {
            // The loop reports its own end; disposal only makes sure it has stopped.
        }

        // The send lock is not disposed: a sender between its send and its release must still be able to release.
        _socket.Dispose();
        _ending.Dispose();
    }

    private async Task ReceiveLoopAsync()
    {
        try
        {
            while (true)
            {
                var frame = await _socket.ReceiveAsync(_ending.Token).ConfigureAwait(false);
                if (frame.IsClose)
                    break;
                await HandleAsync(frame.Text).ConfigureAwait(false);
            }
        }
        catch (Exception ex) when (ex is WebSocketException or OperationCanceledException or ObjectDisposedException)
        {
            LogReceiveEnded(_logger, ex, Number, ex.Message);
        }
        finally
        {
            _hello.TrySetCanceled();
        }
    }

    private async Task HandleAsync(ReadOnlyMemory<byte> bytes)
    {
        JsonElement frame;
        try
        {
            using var doc = JsonDocument.Parse(bytes);
            frame = doc.RootElement.Clone();
        }
        catch (JsonException)
        {
            LogBadFrame(_logger, Number);
            return;
        }

        var type = frame.TryGetProperty("type", out var t) && t.ValueKind == JsonValueKind.String ? t.GetString() : null;
        switch (type)
        {
            case "hello":
                _hello.TrySetResult();
                break;
            case "disconnect":
                var reason = frame.TryGetProperty("reason", out var r) && r.ValueKind == JsonValueKind.String ? r.GetString() : null;
                _disconnect.TrySetResult(reason ?? "unknown");
                break;
            default:
                if (frame.TryGetProperty("envelope_id", out _))
                    await _onEnvelope(this, frame).ConfigureAwait(false);
                break;
        }
    }

    [LoggerMessage(EventId = 760, Level = LogLevel.Debug, Message = "Socket Mode connection {Number} stopped receiving: {Reason}")]
    private static partial void LogReceiveEnded(ILogger logger, Exception exception, int number, string reason);

    [LoggerMessage(EventId = 761, Level = LogLevel.Warning, Message = "Socket Mode connection {Number} sent a frame that is not JSON")]
    private static partial void LogBadFrame(ILogger logger, int number);

    [LoggerMessage(EventId = 762, Level = LogLevel.Debug, Message = "Closing Socket Mode connection {Number} did not finish cleanly: {Reason}")]
    private static partial void LogCloseFailed(ILogger logger, Exception exception, int number, string reason);

    [LoggerMessage(EventId = 763, Level = LogLevel.Warning, Message = "Could not send on Socket Mode connection {Number}: {Reason}")]
    private static partial void LogSendFailed(ILogger logger, Exception exception, int number, string reason);
}
