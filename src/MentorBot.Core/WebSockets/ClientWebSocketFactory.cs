namespace MentorBot.Core.WebSockets;

/// <summary>Real WebSockets over <see cref="System.Net.WebSockets.ClientWebSocket"/>.</summary>
public sealed class ClientWebSocketFactory : IWebSocketFactory
{
    public static readonly ClientWebSocketFactory Instance = new();

    public IWebSocketConnection Create(WebSocketKeepAlive? keepAlive = null) => new ClientWebSocketConnection(keepAlive);
}
