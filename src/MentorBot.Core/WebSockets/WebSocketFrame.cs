namespace MentorBot.Core.WebSockets;

/// <summary>One whole message received on an <see cref="IWebSocketConnection"/>, or the peer's close.</summary>
/// <param name="Text">The UTF-8 text of the message; empty for a close.</param>
/// <param name="IsClose">The peer closed the connection.</param>
/// <param name="CloseCode">The close code the peer gave, when it gave one.</param>
public readonly record struct WebSocketFrame(ReadOnlyMemory<byte> Text, bool IsClose = false, int? CloseCode = null)
{
    public static WebSocketFrame Closed(int? code) => new(ReadOnlyMemory<byte>.Empty, true, code);
}
