using System.Text;
using System.Text.Json.Nodes;
using MentorBot.Slack.SocketMode;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
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
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        _server = builder.Build();
        _server.UseWebSockets();
        _server.Map("/link", async (HttpContext context) =>
        {
            using var socket = await context.WebSockets.AcceptWebSocketAsync();
            await socket.SendAsync(Encoding.UTF8.GetBytes("""{"type":"hello"}"""), System.Net.WebSockets.WebSocketMessageType.Text, true, CancellationToken.None);
            await _release.Task;
        });
        await _server.StartAsync();
        var address = _server.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        _url = new Uri(address.Replace("http://", "ws://", StringComparison.Ordinal).TrimEnd('/') + "/link");
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

        // The server reads nothing, so after the socket buffers fill one send stays in flight.
        var big = new JsonObject { ["envelope_id"] = "pad", ["payload"] = new string('a', 1 << 20) };
        Task<bool>? inFlight = null;
        for (var i = 0; i < 256 && inFlight is null; i++)
        {
            var send = connection.TrySendAsync(big);
            if (await Task.WhenAny(send, Task.Delay(300)) != send)
                inFlight = send;
            else
                Assert.True(await send);
        }

        Assert.NotNull(inFlight);
        var queued = connection.TrySendAsync(new JsonObject { ["envelope_id"] = "1-ack" });
        await Task.Delay(100);
        Assert.False(queued.IsCompleted, "the second send should be waiting for the first");

        await connection.DisposeAsync().AsTask().WaitAsync(Wait);

        Assert.False(await inFlight.WaitAsync(Wait));
        Assert.False(await queued.WaitAsync(Wait));
        Assert.False(await connection.TrySendAsync(new JsonObject { ["envelope_id"] = "2-ack" }).WaitAsync(Wait));
    }
}
