using System.Text.Json.Nodes;
using MentorBot.Slack.SocketMode;
using MentorBot.Testing.WebSockets;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace MentorBot.Slack.Tests.SocketMode;

/// <summary>
/// One connection whose peer said hello and then stopped reading, so a send stays stuck and others queue behind it.
/// This is the race behind a lost event: a connection dropped while an acknowledgement is being written.
/// </summary>
public sealed class SocketModeConnectionTests
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task Sends_caught_by_disposal_report_not_sent_instead_of_throwing_or_hanging()
    {
        var sockets = new ScriptedWebSocketFactory();
        var connection = new SocketModeConnection(1, (_, _) => Task.CompletedTask, NullLogger.Instance, sockets, new FakeTimeProvider());
        var connecting = connection.ConnectAsync(new Uri("wss://slack.test/link"), CancellationToken.None);
        var socket = await sockets.NextConnectionAsync();
        socket.ServerSend("""{"type":"hello"}""");
        await connecting.WaitAsync(Wait);
        socket.HoldSends = true;

        var sends = Enumerable.Range(0, 4).Select(i => connection.TrySendAsync(new JsonObject { ["envelope_id"] = $"{i}-ack" })).ToList();
        // One send is stuck on the peer; the others wait for the send lock.
        await socket.SendHeld.WaitAsync(Wait);
        Assert.All(sends, s => Assert.False(s.IsCompleted));

        await connection.DisposeAsync().AsTask().WaitAsync(Wait);

        var sent = await Task.WhenAll(sends).WaitAsync(Wait);
        Assert.All(sent, Assert.False);
        Assert.False(await connection.TrySendAsync(new JsonObject { ["envelope_id"] = "late-ack" }).WaitAsync(Wait));
    }
}
