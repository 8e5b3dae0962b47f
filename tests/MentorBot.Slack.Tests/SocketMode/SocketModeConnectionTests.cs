using System.Net.WebSockets;
using System.Text;
using System.Text.Json.Nodes;
using MentorBot.Slack.SocketMode;
using MentorBot.Testing.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging.Abstractions;

namespace MentorBot.Slack.Tests.SocketMode;

/// <summary>
/// One connection against a loopback server that says hello and then stops reading, so sends back up for real.
/// This is the race behind a lost event: a connection dropped while an acknowledgement is being written.
/// </summary>
public sealed class SocketModeConnectionTests : IAsyncLifetime
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(10);

    private readonly TaskCompletionSource _release = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private WebApplication _server = null!;
    private Uri _url = null!;

    public async Task InitializeAsync()
    {
        var builder = LoopbackApp.CreateBuilder();
        _server = builder.Build();
        _server.UseWebSockets();
        _server.Map("/link", async (HttpContext context) =>
        {
            using var socket = await context.WebSockets.AcceptWebSocketAsync();
            await socket.SendAsync(Encoding.UTF8.GetBytes("""{"type":"hello"}"""), WebSocketMessageType.Text, true, CancellationToken.None);
            await _release.Task;
        });
        await _server.StartAsync();
        _url = new Uri($"ws://{LoopbackApp.AddressOf(_server).Authority}/link");
    }

    public async Task DisposeAsync()
    {
        _release.TrySetResult();
        await _server.DisposeAsync();
    }

    [Fact]
    public async Task Sends_caught_by_disposal_report_not_sent_instead_of_throwing_or_hanging()
    {
        var connection = new SocketModeConnection(1, (_, _) => Task.CompletedTask, NullLogger.Instance);
        await connection.ConnectAsync(_url, CancellationToken.None);

        // 64 MiB to a server that reads nothing: the socket buffers take a few, so one send stays in flight and the
        // rest wait for the lock when the connection goes.
        var big = new JsonObject { ["envelope_id"] = "pad", ["payload"] = new string('a', 1 << 20) };
        var sends = Enumerable.Range(0, 64).Select(_ => connection.TrySendAsync(big)).ToList();
        await Task.Delay(200);

        await connection.DisposeAsync().AsTask().WaitAsync(Wait);

        var sent = await Task.WhenAll(sends).WaitAsync(Wait);
        Assert.Contains(false, sent);
        Assert.False(await connection.TrySendAsync(new JsonObject { ["envelope_id"] = "1-ack" }).WaitAsync(Wait));
    }
}
