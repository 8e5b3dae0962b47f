using MentorBot.Slack.SocketMode;
using MentorBot.Testing;

namespace MentorBot.Slack.Tests.SocketMode;

/// <summary>
/// Socket Mode's connection handling against scripted WebSockets on a fake clock: hello, the hello timeout,
/// disconnect requests, drops, connect backoff and envelope acknowledgements, without sockets or real time.
/// </summary>
public sealed class SocketModeScriptedTests
{
    private static readonly TimeSpan Ms = TimeSpan.FromMilliseconds(1);
    private static readonly TimeSpan Within = TimeSpan.FromSeconds(10);

    private static TimeSpan Backoff(int failures) => SocketModeClient.Reconnect.Delay(failures, ScriptedSocketMode.Jitter);

    [Fact]
    public async Task The_client_counts_as_connected_only_after_hello()
    {
        await using var socketMode = await ScriptedSocketMode.StartAsync();
        var socket = await socketMode.Sockets.NextConnectionAsync();
        Assert.False(socketMode.State.Connected);

        socket.ServerSend("""{"type":"hello"}""");

        await Wait.UntilAsync(() => socketMode.State.Connected, "connected after hello");
        Assert.Equal(1, socketMode.Slack.CallCount("apps.connections.open"));
    }

    [Fact]
    public async Task A_connection_without_hello_in_ten_seconds_is_dropped_and_retried_after_backoff()
    {
        await using var socketMode = await ScriptedSocketMode.StartAsync();
        var silent = await socketMode.Sockets.NextConnectionAsync();

        await socketMode.Time.WaitForTimerAsync(TimeSpan.FromSeconds(10));
        socketMode.Time.Advance(TimeSpan.FromSeconds(10) - Ms);
        Assert.False(silent.ClientEnded.IsCompleted);
        socketMode.Time.Advance(Ms);
        await silent.ClientEnded.WaitAsync(Within);

        // First failure: 1 s spread ±50%; at 0.25, 750 ms.
        var backoff = Backoff(1);
        Assert.Equal(TimeSpan.FromMilliseconds(750), backoff);
        await socketMode.Time.WaitForTimerAsync(backoff);
        socketMode.Time.Advance(backoff);
        await socketMode.HelloAsync();
        await Wait.UntilAsync(() => socketMode.State.Connected, "connected on the second try");
        Assert.Equal(2, socketMode.Sockets.ConnectAttempts);
    }

    [Fact]
    public async Task Failed_connects_back_off_exponentially_with_the_injected_jitter()
    {
        await using var socketMode = await ScriptedSocketMode.StartAsync(s =>
        {
            s.Sockets.FailNextConnect();
            s.Sockets.FailNextConnect();
        });

        await socketMode.Time.WaitForTimerAsync(Backoff(1));
        socketMode.Time.Advance(Backoff(1) - Ms);
        Assert.Equal(1, socketMode.Sockets.ConnectAttempts);
        socketMode.Time.Advance(Ms);
        Assert.Equal(TimeSpan.FromMilliseconds(1500), Backoff(2));
        await socketMode.Time.WaitForTimerAsync(Backoff(2));
        socketMode.Time.Advance(Backoff(2) - Ms);
        Assert.Equal(2, socketMode.Sockets.ConnectAttempts);
        socketMode.Time.Advance(Ms);

        await socketMode.HelloAsync();
        await Wait.UntilAsync(() => socketMode.State.Connected, "connected on the third try");
        Assert.Equal(3, socketMode.Slack.CallCount("apps.connections.open"));
    }

    [Theory]
    [InlineData("refresh_requested")]
    [InlineData("warning")]
    public async Task A_disconnect_request_opens_the_replacement_before_closing_the_old_connection(string reason)
    {
        await using var socketMode = await ScriptedSocketMode.StartAsync();
        var old = await socketMode.HelloAsync();
        await Wait.UntilAsync(() => socketMode.State.Connected, "connected");

        old.ServerSend($$"""{"type":"disconnect","reason":"{{reason}}"}""");

        var replacement = await socketMode.Sockets.NextConnectionAsync();
        // The replacement has not said hello, so the client is still waiting for it: the old one must stay open.
        Assert.False(old.ClientEnded.IsCompleted, "the old connection was closed before its replacement was ready");
        replacement.ServerSend("""{"type":"hello"}""");
        Assert.Equal(1000, await old.ClientEnded.WaitAsync(Within));
        Assert.True(replacement.IsOpen);
        Assert.Equal(2, socketMode.Slack.CallCount("apps.connections.open"));
    }

    [Fact]
    public async Task Link_disabled_stops_the_client_without_reconnecting()
    {
        await using var socketMode = await ScriptedSocketMode.StartAsync();
        var socket = await socketMode.HelloAsync();
        await Wait.UntilAsync(() => socketMode.State.Connected, "connected");

        socket.ServerSend("""{"type":"disconnect","reason":"link_disabled"}""");

        // The client's run ending is the proof that no reconnect is pending.
        await socketMode.Client.ExecuteTask!.WaitAsync(Within);
        Assert.Equal(1, socketMode.Sockets.ConnectAttempts);
        Assert.False(socketMode.State.Connected);
        Assert.True(socket.ClientEnded.IsCompleted);
    }

    [Fact]
    public async Task A_dropped_connection_is_reopened_at_once()
    {
        await using var socketMode = await ScriptedSocketMode.StartAsync();
        var first = await socketMode.HelloAsync();
        await Wait.UntilAsync(() => socketMode.State.Connected, "connected");
        var start = socketMode.Time.GetUtcNow();

        first.ServerDrop();

        await socketMode.HelloAsync();
        await Wait.UntilAsync(() => socketMode.State.Connected && socketMode.Sockets.ConnectAttempts == 2, "reconnected");
        Assert.Equal(start, socketMode.Time.GetUtcNow());
    }

    [Fact]
    public async Task Every_envelope_is_acknowledged_and_a_repeated_one_again()
    {
        await using var socketMode = await ScriptedSocketMode.StartAsync();
        var socket = await socketMode.HelloAsync();

        socket.ServerSend("""{"envelope_id":"env-1","type":"something_new","payload":{}}""");
        var ack = await socket.NextSentAsync();
        Assert.Equal("env-1", ack.GetProperty("envelope_id").GetString());

        socket.ServerSend("""{"envelope_id":"env-1","type":"something_new","payload":{},"retry_attempt":1}""");
        var again = await socket.NextSentAsync();
        Assert.Equal("env-1", again.GetProperty("envelope_id").GetString());
    }
}
