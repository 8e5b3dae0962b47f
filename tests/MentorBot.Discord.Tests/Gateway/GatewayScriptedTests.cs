using System.Text.Json;
using MentorBot.Discord.Gateway;
using MentorBot.Testing.WebSockets;

namespace MentorBot.Discord.Tests.Gateway;

/// <summary>
/// The Gateway protocol against a scripted server on a fake clock: heartbeats, ACKs, zombies, op 7, close codes and
/// backoff, each wait checked to the millisecond (jitter is pinned at 0.5) without sockets or real time.
/// </summary>
public sealed class GatewayScriptedTests
{
    private static readonly TimeSpan Ms = TimeSpan.FromMilliseconds(1);
    private static readonly TimeSpan FirstBeat = TimeSpan.FromMilliseconds(ScriptedGateway.HeartbeatMs * ScriptedGateway.Jitter);
    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(ScriptedGateway.HeartbeatMs);
    // Reconnect after the first failure: full jitter over 0.5 s, at 0.5.
    private static readonly TimeSpan FirstBackoff = TimeSpan.FromMilliseconds(250);

    [Fact]
    public async Task Hello_starts_heartbeats_at_a_jittered_first_beat_then_every_interval_with_the_last_sequence()
    {
        await using var gateway = await ScriptedGateway.StartAsync();
        var socket = await gateway.ReadyAsync();
        var beats = Heartbeats(socket);

        await gateway.Time.WaitForTimerAsync(FirstBeat);
        gateway.Time.Advance(FirstBeat - Ms);
        Assert.Equal(beats, Heartbeats(socket));
        gateway.Time.Advance(Ms);
        var first = await NextHeartbeatAsync(socket);
        Assert.Equal(1, first.GetProperty("d").GetInt64());

        socket.ServerSend("""{"op":11}""");
        await ScriptedGateway.FenceAsync(socket);
        await gateway.Time.WaitForTimerAsync(Interval);
        gateway.Time.Advance(Interval - Ms);
        var counted = Heartbeats(socket);
        gateway.Time.Advance(Ms);
        await NextHeartbeatAsync(socket);
        Assert.Equal(counted + 1, Heartbeats(socket));
        Assert.False(socket.Aborted, "an acknowledged heartbeat keeps the connection");
    }

    [Fact]
    public async Task A_missed_ack_marks_the_connection_a_zombie_and_the_client_resumes_after_backoff()
    {
        await using var gateway = await ScriptedGateway.StartAsync();
        var socket = await gateway.ReadyAsync();

        await gateway.ElapseAsync(FirstBeat);
        await NextHeartbeatAsync(socket);
        // No ACK: at the next beat the connection is dropped.
        await gateway.ElapseAsync(Interval);
        Assert.Null(await socket.ClientEnded.WaitAsync(TimeSpan.FromSeconds(10)));
        Assert.True(socket.Aborted);

        await gateway.Time.WaitForTimerAsync(FirstBackoff);
        gateway.Time.Advance(FirstBackoff - Ms);
        Assert.Equal(1, gateway.Sockets.ConnectAttempts);
        gateway.Time.Advance(Ms);

        var (resumed, first) = await gateway.HelloAsync();
        Assert.StartsWith(ScriptedGateway.ResumeUrl, resumed.Url!.ToString(), StringComparison.Ordinal);
        Assert.Equal(GatewayOpcodes.Resume, first.GetProperty("op").GetInt32());
        Assert.Equal("session-1", first.GetProperty("d").GetProperty("session_id").GetString());
        Assert.Equal(1, first.GetProperty("d").GetProperty("seq").GetInt64());
    }

    [Fact]
    public async Task Op7_closes_with_a_resumable_code_and_resumes_the_session()
    {
        await using var gateway = await ScriptedGateway.StartAsync();
        var socket = await gateway.ReadyAsync();

        socket.ServerSend("""{"op":7}""");

        Assert.Equal(4000, await socket.ClientEnded.WaitAsync(TimeSpan.FromSeconds(10)));
        await gateway.ElapseAsync(FirstBackoff);
        var (resumed, first) = await gateway.HelloAsync();
        Assert.Equal(GatewayOpcodes.Resume, first.GetProperty("op").GetInt32());
        resumed.ServerSend("""{"op":0,"s":2,"t":"RESUMED","d":{}}""");
        await ScriptedGateway.FenceAsync(resumed);
        Assert.Equal(1, gateway.Client.Resumes);
    }

    [Theory]
    [InlineData(CloseCodes.InvalidSeq)]
    [InlineData(CloseCodes.SessionTimedOut)]
    public async Task A_close_code_that_ends_the_session_makes_the_client_identify_again(int code)
    {
        await using var gateway = await ScriptedGateway.StartAsync();
        var socket = await gateway.ReadyAsync();

        socket.ServerClose(code);

        await gateway.ElapseAsync(FirstBackoff);
        var (next, first) = await gateway.HelloAsync();
        Assert.Equal(GatewayOpcodes.Identify, first.GetProperty("op").GetInt32());
        Assert.StartsWith(ScriptedGateway.GatewayUrl, next.Url!.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Close_code_4004_stops_the_client_for_good()
    {
        await using var gateway = await ScriptedGateway.StartAsync();
        var (socket, _) = await gateway.HelloAsync();

        socket.ServerClose(CloseCodes.AuthenticationFailed);

        // The run ending is the proof that no reconnect is pending.
        await gateway.Running.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(CloseCodes.AuthenticationFailed, gateway.Client.FatalCloseCode);
        Assert.Equal(1, gateway.Sockets.ConnectAttempts);
    }

    [Fact]
    public async Task Failed_connects_back_off_exponentially_and_a_connect_then_identifies()
    {
        await using var gateway = await ScriptedGateway.StartAsync(g =>
        {
            for (var i = 0; i < 3; i++)
                g.Sockets.FailNextConnect();
        });

        await gateway.ElapseAsync(FirstBackoff);
        await gateway.Time.WaitForTimerAsync(FirstBackoff * 2);
        gateway.Time.Advance((FirstBackoff * 2) - Ms);
        Assert.Equal(2, gateway.Sockets.ConnectAttempts);
        gateway.Time.Advance(Ms);
        await gateway.ElapseAsync(FirstBackoff * 4);

        var (_, first) = await gateway.HelloAsync();
        Assert.Equal(GatewayOpcodes.Identify, first.GetProperty("op").GetInt32());
        Assert.Equal(4, gateway.Sockets.ConnectAttempts);
    }

    [Fact]
    public async Task A_server_heartbeat_request_is_answered_without_waiting_for_the_interval()
    {
        await using var gateway = await ScriptedGateway.StartAsync();
        var socket = await gateway.ReadyAsync();
        var start = gateway.Time.GetUtcNow();

        socket.ServerSend("""{"op":1}""");

        var beat = await NextHeartbeatAsync(socket);
        Assert.Equal(1, beat.GetProperty("d").GetInt64());
        Assert.Equal(start, gateway.Time.GetUtcNow());
    }

    private static int Heartbeats(ScriptedWebSocket socket) => socket.Sent.Count(IsHeartbeat);

    private static bool IsHeartbeat(string frame)
    {
        using var document = JsonDocument.Parse(frame);
        return document.RootElement.GetProperty("op").GetInt32() == GatewayOpcodes.Heartbeat;
    }

    private static async Task<JsonElement> NextHeartbeatAsync(ScriptedWebSocket socket)
    {
        while (true)
        {
            var frame = await socket.NextSentAsync();
            if (frame.GetProperty("op").GetInt32() == GatewayOpcodes.Heartbeat)
                return frame;
        }
    }
}
