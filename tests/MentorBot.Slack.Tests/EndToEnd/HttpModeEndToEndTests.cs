using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using MentorBot.Slack.Tests.Fakes;

namespace MentorBot.Slack.Tests.EndToEnd;

/// <summary>The whole host in Http mode, with a real LiteDB file and the repository's knowledge, answering signed slash commands.</summary>
public sealed class HttpModeEndToEndTests : IAsyncLifetime
{
    private FakeSlack _slack = null!;
    private RunningHost _host = null!;

    public async Task InitializeAsync()
    {
        _slack = await FakeSlack.StartAsync();
        _slack.Users["U0LEARNER"] = new FakeSlackUser("U0LEARNER", "ada", "America/Los_Angeles");
        _slack.Users["U0ADMIN"] = new FakeSlackUser("U0ADMIN", "grace", IsAdmin: true);
        _slack.Users["U0LISTED"] = new FakeSlackUser("U0LISTED", "linus");
        // Half a second of budget rather than the default 2 s: the 3 s Slack allows must also cover this machine's own
        // delays (Kestrel, the client, a CPU shared with five other test runs), which under CI load reached a second.
        // A slower answer takes the response_url path, which these tests accept as well.
        _host = await RunningHost.StartAsync(_slack, SlackMode.Http, new Dictionary<string, string?>
        {
            ["Slack:ModeratorUserIds:0"] = "U0LISTED",
            ["Slack:AckBudget"] = "00:00:00.500",
        });
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        await _slack.DisposeAsync();
    }

    private async Task<JsonElement> CommandAsync(string command, string text, string user = "U0LEARNER")
    {
        var responseUrl = _slack.NewResponseUrl();
        var started = Environment.TickCount64;
        using var response = await _host.PostSignedAsync("/slack/commands", SlashForm.Form(command, text, user, responseUrl));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(Environment.TickCount64 - started < 3000, "Slack needs the acknowledgement within 3 seconds");
        var body = await response.Content.ReadAsStringAsync();
        if (!string.IsNullOrEmpty(body))
            return FakeSlack.Parse(body);

        // A cold host (first LiteDB write, JIT) on a busy machine can miss the ack budget; then the answer must
        // arrive through response_url instead.
        var id = responseUrl.Segments.Last();
        await MentorBot.Testing.Wait.UntilAsync(() => _slack.ResponseUrlPosts.Any(p => p.Id == id), "a slow answer must arrive through response_url");
        return FakeSlack.Parse(_slack.ResponseUrlPosts.First(p => p.Id == id).Body.ToJsonString());
    }

    [Fact]
    public async Task Healthz_reports_slack_connected_in_http_mode()
    {
        using var health = JsonDocument.Parse(await _host.Http.GetStringAsync(new Uri(_host.Url, "/healthz")));

        var adapter = Assert.Single(health.RootElement.GetProperty("adapters").EnumerateArray());
        Assert.Equal("slack", adapter.GetProperty("name").GetString());
        Assert.True(adapter.GetProperty("connected").GetBoolean());
    }

    [Fact]
    public async Task Faq_is_answered_inline_with_blocks_and_a_fallback_text()
    {
        var reply = await CommandAsync("/faq", "do I need a CS degree");

        Assert.Contains(reply.GetProperty("response_type").GetString(), new[] { "in_channel", "ephemeral" });
        Assert.Contains("degree", reply.GetProperty("text").GetString()!, StringComparison.OrdinalIgnoreCase);
        var blocks = reply.GetProperty("blocks");
        Assert.InRange(blocks.GetArrayLength(), 1, 50);
        Assert.All(blocks.EnumerateArray(), b => Assert.False(string.IsNullOrEmpty(b.GetProperty("type").GetString())));
    }

    [Fact]
    public async Task Checkin_records_the_day_and_a_second_checkin_says_so()
    {
        var first = await CommandAsync("/checkin", "read about HTTP");
        var second = await CommandAsync("/checkin", "");

        Assert.NotEqual(first.GetProperty("text").GetString(), second.GetProperty("text").GetString());
        Assert.Contains(_slack.Calls, c => c.Method == "users.info" && c.Arguments["user"]?.GetValue<string>() == "U0LEARNER");
        // users.info is cached: two commands, one lookup.
        Assert.Equal(1, _slack.Calls.Count(c => c.Method == "users.info" && c.Arguments["user"]?.GetValue<string>() == "U0LEARNER"));
    }

    [Fact]
    public async Task The_slack_profile_time_zone_is_the_default_and_options_are_parsed_from_the_text()
    {
        var reply = await CommandAsync("/subscribe", "monday 09:00");
        var explicitZone = await CommandAsync("/subscribe", "friday 18:30 Europe/Berlin", "U0ADMIN");

        Assert.Contains("America/Los_Angeles", reply.GetProperty("text").GetString()!, StringComparison.Ordinal);
        Assert.Contains("Monday", reply.GetProperty("text").GetString()!, StringComparison.Ordinal);
        Assert.Contains("18:30 (Europe/Berlin)", explicitZone.GetProperty("text").GetString()!, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Mentions_typed_by_users_come_back_escaped()
    {
        var reply = await CommandAsync("/challenge", "<!channel> <@U0ADMIN>");
        var json = reply.GetRawText();
        var text = reply.GetProperty("text").GetString()!;

        Assert.Contains("&lt;!channel&gt;", text, StringComparison.Ordinal);
        Assert.DoesNotContain("<!channel>", text, StringComparison.Ordinal);
        Assert.DoesNotContain("<@U0ADMIN>", text, StringComparison.Ordinal);
        Assert.Equal("ephemeral", reply.GetProperty("response_type").GetString());
        foreach (var block in reply.GetProperty("blocks").EnumerateArray())
            Assert.DoesNotContain("<!channel>", block.GetRawText().Replace("\\u003C", "<", StringComparison.OrdinalIgnoreCase), StringComparison.Ordinal);
        Assert.DoesNotContain("<!channel>", JsonNode.Parse(json)!.ToJsonString(new JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_forged_signature_gets_401_and_nothing_is_processed()
    {
        int WorkCalls() => _slack.Calls.Count(c => c.Method != "auth.test") + _slack.ResponseUrlPosts.Count;
        var before = WorkCalls();
        using var forged = await _host.PostSignedAsync("/slack/commands", SlashForm.Form("/checkin", "", "U0LEARNER", _slack.NewResponseUrl()), secret: "not-the-secret");
        using var unsigned = await _host.Http.PostAsync("/slack/commands", new StringContent("command=%2Fcheckin&user_id=U0LEARNER"));
        using var events = await _host.PostSignedAsync("/slack/events", """{"type":"url_verification","challenge":"x"}""", "application/json", secret: "nope");
        using var interactions = await _host.PostSignedAsync("/slack/interactions", "payload=%7B%7D", secret: "nope");

        Assert.Equal(HttpStatusCode.Unauthorized, forged.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, unsigned.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, events.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, interactions.StatusCode);
        Assert.Equal("", await forged.Content.ReadAsStringAsync());
        // Stopping drains the background work: anything the requests had started would have happened by now.
        await _host.App.StopAsync();
        Assert.Equal(before, WorkCalls());
    }

    [Fact]
    public async Task A_correctly_signed_but_replayed_request_gets_401()
    {
        using var stale = await _host.PostSignedAsync("/slack/commands", SlashForm.Form("/checkin", "", "U0LEARNER", _slack.NewResponseUrl()), age: TimeSpan.FromMinutes(6));

        Assert.Equal(HttpStatusCode.Unauthorized, stale.StatusCode);
    }

    [Fact]
    public async Task Moderators_are_admins_or_listed_users_and_others_are_refused()
    {
        const string post = "post title:\"Build a URL shortener\" description:\"Make it fast\" due:2030-12-01";
        var learner = await CommandAsync("/challenge", post, "U0LEARNER");
        var admin = await CommandAsync("/challenge", post, "U0ADMIN");
        var listed = await CommandAsync("/challenge", post.Replace("URL shortener", "rate limiter", StringComparison.Ordinal), "U0LISTED");

        Assert.Equal("ephemeral", learner.GetProperty("response_type").GetString());
        Assert.Contains("moderator", learner.GetProperty("text").GetString()!, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("moderator", admin.GetProperty("text").GetString()!, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("moderator", listed.GetProperty("text").GetString()!, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Url_verification_echoes_the_challenge()
    {
        using var response = await _host.PostSignedAsync("/slack/events", """{"token":"Jhj5dZrVaK7ZwHHjRyZWjbDl","challenge":"3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P","type":"url_verification"}""", "application/json");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = FakeSlack.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P", body.GetProperty("challenge").GetString());
    }

    private static string EventCallback(string eventId, JsonObject inner) => new JsonObject
    {
        ["token"] = "legacy",
        ["team_id"] = FakeSlack.TeamId,
        ["api_app_id"] = "A0FAKE",
        ["event"] = inner,
        ["type"] = "event_callback",
        ["event_id"] = eventId,
        ["event_time"] = 1_700_000_000,
        ["authorizations"] = new JsonArray(new JsonObject { ["team_id"] = FakeSlack.TeamId, ["user_id"] = FakeSlack.BotUserId, ["is_bot"] = true }),
    }.ToJsonString();

    [Fact]
    public async Task An_app_mention_is_answered_as_faq_once_even_when_slack_retries()
    {
        var body = EventCallback("Ev0MENTION1", new JsonObject
        {
            ["type"] = "app_mention",
            ["user"] = "U0LEARNER",
            ["text"] = $"<@{FakeSlack.BotUserId}> do I need a CS degree",
            ["ts"] = "1700000000.000100",
            ["channel"] = "C0GENERAL",
            ["event_ts"] = "1700000000.000100",
        });

        using var first = await _host.PostSignedAsync("/slack/events", body, "application/json");
        using var retry = await _host.PostSignedAsync("/slack/events", body, "application/json", headers: new Dictionary<string, string> { ["X-Slack-Retry-Num"] = "1", ["X-Slack-Retry-Reason"] = "http_timeout" });

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, retry.StatusCode);
        await MentorBot.Testing.Wait.UntilAsync(() => _slack.PostedMessages.Any());
        await _host.App.StopAsync();
        var posted = Assert.Single(_slack.PostedMessages);
        Assert.Equal("C0GENERAL", posted["channel"]!.GetValue<string>());
        Assert.Contains("degree", posted["text"]!.GetValue<string>(), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task A_direct_message_is_answered_and_bot_messages_are_ignored()
    {
        var question = EventCallback("Ev0DM1", new JsonObject
        {
            ["type"] = "message",
            ["channel_type"] = "im",
            ["user"] = "U0LEARNER",
            ["text"] = "do I need a CS degree",
            ["channel"] = "D0LEARNER",
            ["ts"] = "1700000001.000100",
        });
        var echo = EventCallback("Ev0DM2", new JsonObject
        {
            ["type"] = "message",
            ["channel_type"] = "im",
            ["bot_id"] = FakeSlack.BotId,
            ["user"] = FakeSlack.BotUserId,
            ["text"] = "an answer",
            ["channel"] = "D0LEARNER",
            ["ts"] = "1700000002.000100",
        });

        using var a = await _host.PostSignedAsync("/slack/events", question, "application/json");
        using var b = await _host.PostSignedAsync("/slack/events", echo, "application/json");

        await MentorBot.Testing.Wait.UntilAsync(() => _slack.PostedMessages.Any());
        await _host.App.StopAsync();
        Assert.Equal("D0LEARNER", Assert.Single(_slack.PostedMessages)["channel"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_follow_up_button_click_is_replayed_as_the_clicker_through_response_url()
    {
        var reply = await CommandAsync("/roadmap", "");
        var button = reply.GetProperty("blocks").EnumerateArray()
            .Where(b => b.GetProperty("type").GetString() == "actions")
            .SelectMany(b => b.GetProperty("elements").EnumerateArray())
            .First();
        var responseUrl = _slack.NewResponseUrl();
        var payload = FakeSlack.ButtonClick("U0ADMIN", "grace", responseUrl, button);

        using var response = await _host.PostSignedAsync("/slack/interactions", "payload=" + Uri.EscapeDataString(payload.ToJsonString()));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var id = responseUrl.Segments.Last();
        await MentorBot.Testing.Wait.UntilAsync(() => _slack.ResponseUrlPosts.Any(p => p.Id == id));
        var posted = _slack.ResponseUrlPosts.First(p => p.Id == id).Body;
        Assert.NotNull(posted["blocks"]);
        Assert.False(posted["replace_original"]!.GetValue<bool>());
        Assert.Contains(_slack.Calls, c => c.Method == "users.info" && c.Arguments["user"]?.GetValue<string>() == "U0ADMIN");
    }
}
