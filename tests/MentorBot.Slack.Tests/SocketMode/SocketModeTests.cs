using System.Text.Json.Nodes;
using MentorBot.Slack.Tests.Fakes;

namespace MentorBot.Slack.Tests.SocketMode;

/// <summary>
/// The real adapter, in Socket Mode inside the whole host, against the fake Socket Mode server over loopback sockets:
/// the integration check. Connection handling on a fake clock (hello timeout, backoff, disconnects, link_disabled) is
/// in <see cref="SocketModeScriptedTests"/>. Checks that something happened only once stop the host first: stopping
/// drains the background work, so whatever the bot was going to do has been done.
/// </summary>
public sealed class SocketModeTests : IAsyncLifetime
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(15);

    private FakeSlack _slack = null!;
    private RunningHost? _host;

    public async Task InitializeAsync()
    {
        _slack = await FakeSlack.StartAsync();
        _slack.Users["U0LEARNER"] = new FakeSlackUser("U0LEARNER", "ada");
        _slack.AckTimeout = TimeSpan.FromSeconds(4);
    }

    public async Task DisposeAsync()
    {
        if (_host is not null)
            await _host.DisposeAsync();
        await _slack.DisposeAsync();
    }

    private async Task StartHostAsync(IDictionary<string, string?>? extra = null)
    {
        _host = await RunningHost.StartAsync(_slack, SlackMode.SocketMode, extra);
        await _slack.WaitForConnectionsAsync(1, Wait, "the adapter to connect");
    }

    private static JsonObject Mention(string eventId, string text, string channel = "C0GENERAL") => new()
    {
        ["token"] = "legacy",
        ["team_id"] = FakeSlack.TeamId,
        ["api_app_id"] = "A0FAKE",
        ["type"] = "event_callback",
        ["event_id"] = eventId,
        ["event_time"] = 1_700_000_000,
        ["event"] = new JsonObject
        {
            ["type"] = "app_mention",
            ["user"] = "U0LEARNER",
            ["text"] = $"<@{FakeSlack.BotUserId}> {text}",
            ["channel"] = channel,
            ["ts"] = "1700000000.000100",
            ["event_ts"] = "1700000000.000100",
        },
    };

    [Fact]
    public async Task Connects_with_a_one_time_url_after_hello_and_answers_a_slash_command_in_the_ack()
    {
        await StartHostAsync();
        var envelope = await _slack.SendEnvelopeAsync("slash_commands", SlashForm.Json("/faq", "do I need a CS degree", "U0LEARNER", _slack.NewResponseUrl()), acceptsResponsePayload: true);

        var ack = await envelope.FirstAck.WaitAsync(Wait);

        Assert.Equal(envelope.Id, ack["envelope_id"]!.GetValue<string>());
        var payload = ack["payload"];
        if (payload is not null)
        {
            Assert.NotNull(payload["blocks"]);
            Assert.Contains("degree", payload["text"]!.GetValue<string>(), StringComparison.OrdinalIgnoreCase);
        }
        else
        {
            // A cold host may miss the budget; then the answer goes to response_url.
            await MentorBot.Testing.Wait.UntilAsync(() => !_slack.ResponseUrlPosts.IsEmpty);
        }

        Assert.Equal(1, _slack.CallCount("apps.connections.open"));
        Assert.True(_host!.Service<SlackAdapterState>().Connected, "hello was received");
        Assert.Equal(FakeSlack.AppToken, _slack.Calls.First(c => c.Method == "apps.connections.open").Token);
    }

    [Fact]
    public async Task A_slow_slash_command_is_acked_within_three_seconds_without_payload_and_answered_through_response_url()
    {
        // users.info is held until the ack is in: the slow path is certain however loaded the machine is.
        var usersInfo = _slack.Hold("users.info");
        await StartHostAsync(new Dictionary<string, string?> { ["Slack:AckBudget"] = "00:00:00.200" });
        var responseUrl = _slack.NewResponseUrl();
        var started = Environment.TickCount64;

        var envelope = await _slack.SendEnvelopeAsync("slash_commands", SlashForm.Json("/faq", "do I need a CS degree", "U0LEARNER", responseUrl), acceptsResponsePayload: true);
        var ack = await envelope.FirstAck.WaitAsync(Wait);

        Assert.True(Environment.TickCount64 - started < 3000);
        Assert.Null(ack["payload"]);
        usersInfo.SetResult();
        var id = responseUrl.Segments.Last();
        await MentorBot.Testing.Wait.UntilAsync(() => _slack.ResponseUrlPosts.Any(p => p.Id == id));
        Assert.Equal(1, envelope.AckCount);
    }

    [Fact]
    public async Task An_events_api_envelope_is_acked_and_answered_once_even_when_it_is_delivered_again()
    {
        await StartHostAsync();
        var envelope = await _slack.SendEnvelopeAsync("events_api", Mention("Ev0SOCKET1", "do I need a CS degree"));
        await envelope.FirstAck.WaitAsync(Wait);

        // Slack re-sends the envelope with retry_attempt when it thinks an ack was lost, and a retried event may
        // also arrive in a new envelope: both are acknowledged, neither is handled again.
        await _slack.RedeliverAsync(envelope);
        var another = await _slack.SendEnvelopeAsync("events_api", Mention("Ev0SOCKET1", "do I need a CS degree"));
        await another.FirstAck.WaitAsync(Wait);

        await MentorBot.Testing.Wait.UntilAsync(() => envelope.AckCount == 2);
        await MentorBot.Testing.Wait.UntilAsync(() => _slack.PostedMessages.Any());
        await _host!.App.StopAsync();
        Assert.Single(_slack.PostedMessages);
    }

    [Fact]
    public async Task A_refresh_in_the_middle_of_traffic_loses_nothing_and_handles_nothing_twice()
    {
        await StartHostAsync();
        var envelopes = new List<FakeEnvelope>();
        for (var i = 0; i < 30; i++)
        {
            // One channel each: answers in one channel are paced to about one a second, as Slack allows.
            var channel = $"C0TRAFFIC{i:D2}";
            _slack.Channels[channel] = true;
            envelopes.Add(await _slack.SendEnvelopeAsync("events_api", Mention($"Ev0TRAFFIC{i}", $"question {i} do I need a degree", channel)));
            // The fake routes envelopes to the newest connection, so traffic resumes once the replacement is open
            // (the old one is still draining then).
            if (i == 10)
            {
                await _slack.SendDisconnectAsync("refresh_requested");
                await _slack.WaitForConnectionsAsync(2, Wait, "a replacement after refresh_requested");
            }
            if (i == 20)
            {
                await _slack.SendDisconnectAsync("warning");
                await _slack.WaitForConnectionsAsync(3, Wait, "a replacement after warning");
            }
        }

        await Task.WhenAll(envelopes.Select(e => e.FirstAck)).WaitAsync(TimeSpan.FromSeconds(30));
        await MentorBot.Testing.Wait.UntilAsync(() => _slack.PostedMessages.Count() >= 30, timeoutMs: 20_000);
        await MentorBot.Testing.Wait.UntilAsync(() => _slack.OpenConnections == 1, $"old connections should be closed, {_slack.OpenConnections} open", timeoutMs: 5_000);
        await _host!.App.StopAsync();

        Assert.Equal(30, _slack.PostedMessages.Count());
        Assert.True(_slack.ConnectionsOpened >= 3, $"expected a fresh connection per disconnect, saw {_slack.ConnectionsOpened}");
        Assert.Equal(_slack.ConnectionsOpened, _slack.CallCount("apps.connections.open"));
        // The replacement was open before each refreshed connection closed.
        var refreshed = _slack.Closures.Where(c => c.WasDraining).ToList();
        Assert.Equal(2, refreshed.Count);
        Assert.All(refreshed, c => Assert.True(c.OthersOpen >= 1, $"connection {c.Number} closed with no replacement open"));
    }

    [Fact]
    public async Task An_unacknowledged_envelope_is_retried_by_slack_and_handled_once()
    {
        await StartHostAsync();
        _slack.AckTimeout = TimeSpan.FromMilliseconds(300);
        // Dropping the socket right after sending loses the ack; the fake re-sends on the new connection.
        var envelope = await _slack.SendEnvelopeAsync("events_api", Mention("Ev0LOST", "do I need a CS degree"));
        _slack.DropAllConnections();

        await envelope.FirstAck.WaitAsync(Wait);
        await MentorBot.Testing.Wait.UntilAsync(() => _slack.PostedMessages.Any());
        await _host!.App.StopAsync();

        Assert.Single(_slack.PostedMessages);
        Assert.True(_slack.ConnectionsOpened >= 2);
    }

    [Fact]
    public async Task A_dropped_connection_is_reopened_and_traffic_continues()
    {
        await StartHostAsync();
        _slack.DropAllConnections();
        await _slack.WaitForConnectionsAsync(2, Wait, "the adapter to reconnect");

        var envelope = await _slack.SendEnvelopeAsync("events_api", Mention("Ev0AFTERDROP", "do I need a CS degree"));

        await envelope.FirstAck.WaitAsync(Wait);
        await MentorBot.Testing.Wait.UntilAsync(() => _slack.PostedMessages.Any());
    }

    [Fact]
    public async Task A_click_on_a_follow_up_is_acked_and_answered_through_response_url()
    {
        await StartHostAsync();
        var responseUrl = _slack.NewResponseUrl();
        var value = new Rendering.FollowUpValueProbe().Task();
        var envelope = await _slack.SendEnvelopeAsync("interactive", new JsonObject
        {
            ["type"] = "block_actions",
            ["user"] = new JsonObject { ["id"] = "U0LEARNER", ["username"] = "ada" },
            ["team"] = new JsonObject { ["id"] = FakeSlack.TeamId },
            ["channel"] = new JsonObject { ["id"] = "C0GENERAL" },
            ["response_url"] = responseUrl.ToString(),
            ["actions"] = new JsonArray(new JsonObject { ["type"] = "button", ["action_id"] = "mentorbot_followup_0", ["value"] = value }),
        });

        await envelope.FirstAck.WaitAsync(Wait);
        var id = responseUrl.Segments.Last();
        await MentorBot.Testing.Wait.UntilAsync(() => _slack.ResponseUrlPosts.Any(p => p.Id == id));
    }
}
