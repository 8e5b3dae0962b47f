namespace MentorBot.Core.WebSockets;

/// <summary>
/// The client side of one text WebSocket, as the Gateway and Socket Mode clients use it: the seam under them, so tests
/// can script the server (hello, heartbeats, closes, drops) on a fake clock instead of opening sockets.
/// Like <see cref="System.Net.WebSockets.ClientWebSocket"/>, one send and one receive may run at a time, and a drop or
/// <see cref="Abort"/> surfaces as a <see cref="System.Net.WebSockets.WebSocketException"/> (or a cancellation) from
/// the pending call.
/// </summary>
public interface IWebSocketConnection : IDisposable
{
    /// <summary>Whether the connection is open in both directions (no close sent or received).</summary>
    bool IsOpen { get; }

    Task ConnectAsync(Uri url, CancellationToken cancellationToken);

    /// <summary>Sends one whole text message.</summary>
    Task SendAsync(ReadOnlyMemory<byte> text, CancellationToken cancellationToken);

    /// <summary>Receives the next whole message, or the peer's close.</summary>
    Task<WebSocketFrame> ReceiveAsync(CancellationToken cancellationToken);

    /// <summary>Sends a close frame; the connection still receives until the peer's close arrives.</summary>
    Task CloseOutputAsync(int code, string reason, CancellationToken cancellationToken);

    /// <summary>Drops the connection at once; pending calls fail.</summary>
    void Abort();
}
