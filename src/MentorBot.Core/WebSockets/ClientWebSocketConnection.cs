using System.Net.WebSockets;

namespace MentorBot.Core.WebSockets;

/// <summary><see cref="IWebSocketConnection"/> over a <see cref="ClientWebSocket"/>; assembles fragmented messages.</summary>
public sealed class ClientWebSocketConnection : IWebSocketConnection
{
    private readonly ClientWebSocket _socket = new();
    private readonly byte[] _chunk = new byte[16 * 1024];

    public ClientWebSocketConnection(WebSocketKeepAlive? keepAlive = null)
    {
        if (keepAlive is not null)
        {
            _socket.Options.KeepAliveInterval = keepAlive.Interval;
            _socket.Options.KeepAliveTimeout = keepAlive.Timeout;
        }
    }

    public bool IsOpen => _socket.State == WebSocketState.Open;

    public Task ConnectAsync(Uri url, CancellationToken cancellationToken) => _socket.ConnectAsync(url, cancellationToken);

    public Task SendAsync(ReadOnlyMemory<byte> text, CancellationToken cancellationToken) =>
        _socket.SendAsync(text, WebSocketMessageType.Text, endOfMessage: true, cancellationToken).AsTask();

    public async Task<WebSocketFrame> ReceiveAsync(CancellationToken cancellationToken)
    {
        using var message = new MemoryStream();
        while (true)
        {
            var result = await _socket.ReceiveAsync(_chunk, cancellationToken).ConfigureAwait(false);
            if (result.MessageType == WebSocketMessageType.Close)
                return WebSocketFrame.Closed((int?)result.CloseStatus ?? (int?)_socket.CloseStatus);
            message.Write(_chunk, 0, result.Count);
            if (result.EndOfMessage)
                return new WebSocketFrame(message.ToArray());
        }
    }

    public Task CloseOutputAsync(int code, string reason, CancellationToken cancellationToken) =>
        _socket.CloseOutputAsync((WebSocketCloseStatus)code, reason, cancellationToken);

    public void Abort() => _socket.Abort();

    public void Dispose() => _socket.Dispose();
}
