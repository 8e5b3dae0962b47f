using MentorBot.Discord.Gateway;

namespace MentorBot.Discord.Tests.Gateway;

/// <summary>After op 9 Invalid Session the client waits a random 1 to 5 seconds before identifying again.</summary>
public sealed class InvalidSessionWaitTests
{
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Op9_waits_the_invalid_session_pause_not_the_backoff_before_the_next_attempt(bool resumable)
    {
        await using var gateway = await ScriptedGateway.StartAsync();
        var socket = await gateway.ReadyAsync();
        // With the jitter at 0.5 the pause is 3 s (the usual first backoff would be 250 ms).
        var pause = GatewayClient.InvalidSessionWait(ScriptedGateway.Jitter);

        socket.ServerSend(resumable ? """{"op":9,"d":true}""" : """{"op":9,"d":false}""");
        Assert.Equal(4000, await socket.ClientEnded.WaitAsync(TimeSpan.FromSeconds(10)));

        await gateway.Time.WaitForTimerAsync(pause);
        gateway.Time.Advance(pause - TimeSpan.FromMilliseconds(1));
        Assert.Equal(1, gateway.Sockets.ConnectAttempts);
        gateway.Time.Advance(TimeSpan.FromMilliseconds(1));

        var (_, first) = await gateway.HelloAsync();
        Assert.Equal(resumable ? GatewayOpcodes.Resume : GatewayOpcodes.Identify, first.GetProperty("op").GetInt32());
    }

    [Fact]
    public void The_wait_spans_exactly_one_to_five_seconds()
    {
        Assert.Equal(TimeSpan.FromSeconds(1), GatewayClient.InvalidSessionWait(0));
        Assert.Equal(TimeSpan.FromSeconds(3), GatewayClient.InvalidSessionWait(0.5));
        Assert.True(GatewayClient.InvalidSessionWait(0.999999) <= TimeSpan.FromSeconds(5));
    }
}
