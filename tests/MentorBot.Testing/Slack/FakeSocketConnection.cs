using System.Net.WebSockets;
using System.Text;
using System.Text.Json.Nodes;

namespace MentorBot.Testing.Slack;

/// <summary>The server side of one Socket Mode WebSocket in the fake.</summary>
public sealed class FakeSocketConnection(int number, WebSocket socket) : IDisposable
{
    private readonly SemaphoreSlim _sendLock = new(1, 1);

    public int Number { get; } = number;

    public WebSocket Socket { get; } = socket;

    /// <summary>Set once the fake told this connection to go away; no new envelopes are routed to it.</summary>
    public bool Draining { get; set; }

    public bool IsOpen => Socket.State == WebSocketState.Open;

    public async Task SendAsync(JsonObject frame)
    {
        var bytes = Encoding.UTF8.GetBytes(frame.ToJsonString());
        try
        {
            await _sendLock.WaitAsync();
            try
            {
                if (Socket.State == WebSocketState.Open)
                    await Socket.SendAsync(bytes, WebSocketMessageType.Text, true, CancellationToken.None);
            }
            finally
            {
                _sendLock.Release();
            }
        }
        catch (Exception ex) when (ex is ObjectDisposedException or WebSocketException)
        {
            // The connection went away; an unacknowledged envelope is re-sent on another one.
        }
    }

    public void Dispose() => _sendLock.Dispose();
}
