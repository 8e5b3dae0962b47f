using System.Collections.Concurrent;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading.Channels;
using MentorBot.Core.WebSockets;

namespace MentorBot.Testing.WebSockets;

/// <summary>
/// One scripted connection: the test sends what the server would (<see cref="ServerSend(string)"/>,
/// <see cref="ServerClose"/>, <see cref="ServerDrop"/>) and reads what the client sent (<see cref="NextSentAsync"/>).
/// Failures look like <see cref="System.Net.WebSockets.ClientWebSocket"/>'s: a <see cref="WebSocketException"/> from the pending call.
/// </summary>
public sealed class ScriptedWebSocket : IWebSocketConnection
{
    private const int New = 0, Open = 1, CloseSent = 2, Ended = 3;

    private readonly ScriptedWebSocketFactory _factory;
    private readonly Channel<WebSocketFrame> _inbound = Channel.CreateUnbounded<WebSocketFrame>();
    private readonly Channel<string> _sent = Channel.CreateUnbounded<string>();
    private readonly ConcurrentQueue<string> _allSent = new();
    private readonly TaskCompletionSource<int?> _ended = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _sendHeld = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _state;

    internal ScriptedWebSocket(ScriptedWebSocketFactory factory, WebSocketKeepAlive? keepAlive)
    {
        _factory = factory;
        KeepAlive = keepAlive;
    }

    public Uri? Url { get; private set; }

    public WebSocketKeepAlive? KeepAlive { get; }

    public bool IsOpen => Volatile.Read(ref _state) == Open;

    /// <summary>The close code the client sent, once it closed or aborted (null for an abort).</summary>
    public Task<int?> ClientEnded => _ended.Task;

    public bool Aborted { get; private set; }

    /// <summary>
    /// When set, a send never completes until the connection ends (then it fails), like a send stuck on a peer that
    /// stopped reading. <see cref="SendHeld"/> completes once a send is stuck.
    /// </summary>
    public bool HoldSends { get; set; }

    public Task SendHeld => _sendHeld.Task;

    /// <summary>Every text message the client sent, in order.</summary>
    public IReadOnlyList<string> Sent => [.. _allSent];

    public Task ConnectAsync(Uri url, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        Url = url;
        _factory.OnConnecting(this);
        Volatile.Write(ref _state, Open);
        return Task.CompletedTask;
    }

    public Task SendAsync(ReadOnlyMemory<byte> text, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        if (!IsOpen)
            throw new WebSocketException(WebSocketError.InvalidState, "scripted: the connection is not open");
        if (HoldSends)
            return HeldSendAsync(cancellationToken);
        var message = Encoding.UTF8.GetString(text.Span);
        _allSent.Enqueue(message);
        _sent.Writer.TryWrite(message);
        return Task.CompletedTask;
    }

    public async Task<WebSocketFrame> ReceiveAsync(CancellationToken cancellationToken)
    {
        try
        {
            var frame = await _inbound.Reader.ReadAsync(cancellationToken).ConfigureAwait(false);
            if (frame.IsClose)
            {
                Volatile.Write(ref _state, Ended);
                _inbound.Writer.TryComplete(new WebSocketException(WebSocketError.InvalidState, "scripted: the connection is closed"));
            }
            return frame;
        }
        catch (ChannelClosedException ex)
        {
            throw new WebSocketException(WebSocketError.ConnectionClosedPrematurely, "scripted: the connection was dropped", ex.InnerException ?? ex);
        }
    }

    public Task CloseOutputAsync(int code, string reason, CancellationToken cancellationToken)
    {
        if (Interlocked.CompareExchange(ref _state, CloseSent, Open) != Open)
            throw new WebSocketException(WebSocketError.InvalidState, "scripted: the connection is not open");
        _ended.TrySetResult(code);
        if (_factory.EchoClose)
            _inbound.Writer.TryWrite(WebSocketFrame.Closed(code));
        return Task.CompletedTask;
    }

    public void Abort()
    {
        Aborted = true;
        End();
    }

    public void Dispose() => End();

    /// <summary>The server sends one text message.</summary>
    public void ServerSend(string json) => _inbound.Writer.TryWrite(new WebSocketFrame(Encoding.UTF8.GetBytes(json)));

    public void ServerSend(JsonNode json) => ServerSend(json.ToJsonString());

    /// <summary>The server closes with <paramref name="code"/> (null: a close frame without a code).</summary>
    public void ServerClose(int? code) => _inbound.Writer.TryWrite(WebSocketFrame.Closed(code));

    /// <summary>The link dies without a close frame: frames already sent still arrive, then the receive fails.</summary>
    public void ServerDrop() =>
        _inbound.Writer.TryComplete(new WebSocketException(WebSocketError.ConnectionClosedPrematurely, "scripted: dropped"));

    /// <summary>The next message the client sends (in order), parsed.</summary>
    public async Task<JsonElement> NextSentAsync(TimeSpan? timeout = null)
    {
        using var cts = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(10));
        try
        {
            var text = await _sent.Reader.ReadAsync(cts.Token).ConfigureAwait(false);
            using var document = JsonDocument.Parse(text);
            return document.RootElement.Clone();
        }
        catch (OperationCanceledException) when (cts.IsCancellationRequested)
        {
            throw new TimeoutException($"The client sent nothing further; sent so far: {string.Join(" | ", Sent)}");
        }
    }

    private async Task HeldSendAsync(CancellationToken cancellationToken)
    {
        _sendHeld.TrySetResult();
        await _ended.Task.WaitAsync(cancellationToken).ConfigureAwait(false);
        throw new WebSocketException(WebSocketError.ConnectionClosedPrematurely, "scripted: the connection ended during a send");
    }

    private void End()
    {
        Volatile.Write(ref _state, Ended);
        _ended.TrySetResult(null);
        _inbound.Writer.TryComplete(new WebSocketException(WebSocketError.ConnectionClosedPrematurely, "scripted: aborted"));
    }
}
