namespace MentorBot.Core.WebSockets;

/// <summary>Makes the WebSocket for each (re)connect; <see cref="ClientWebSocketFactory"/> unless a test scripts one.</summary>
public interface IWebSocketFactory
{
    IWebSocketConnection Create(WebSocketKeepAlive? keepAlive = null);
}
