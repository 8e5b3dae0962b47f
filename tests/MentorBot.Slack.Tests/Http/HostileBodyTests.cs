using System.Net;
using System.Text;
using CsCheck;
using MentorBot.Slack.Tests.Fakes;
using MentorBot.Testing.Fuzzing;

namespace MentorBot.Slack.Tests.Http;

/// <summary>
/// Correctly signed but malformed bodies, sent over loopback to the real host's endpoints: each gets a 400 or a polite
/// refusal, never a 5xx (Slack retries a 5xx, so a crash would repeat three times).
/// </summary>
public sealed class HostileBodyTests : IAsyncLifetime
{
    private const string Json = "application/json";
    private const string Form = "application/x-www-form-urlencoded";

    private FakeSlack _slack = null!;
    private RunningHost _host = null!;

    public async Task InitializeAsync()
    {
        _slack = await FakeSlack.StartAsync();
        _host = await RunningHost.StartAsync(_slack, SlackMode.Http);
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        await _slack.DisposeAsync();
    }

    /// <summary>Text, with <c>\xFF</c> standing for one byte that is never valid UTF-8.</summary>
    public static byte[] Bytes(string text)
    {
        var parts = text.Split("\\xFF");
        var bytes = new List<byte>();
        for (var i = 0; i < parts.Length; i++)
        {
            if (i > 0)
                bytes.Add(0xFF);
            bytes.AddRange(Encoding.UTF8.GetBytes(parts[i]));
        }
        return [.. bytes];
    }

    public static TheoryData<string, string> MalformedEvents => new()
    {
        { "array", "[]" },
        { "string", "\"x\"" },
        { "null", "null" },
        { "number", "1" },
        { "type is a number", """{"type":1}""" },
        { "type is an object", """{"type":{}}""" },
        { "no type", """{"challenge":"abc"}""" },
        { "numeric challenge", """{"type":"url_verification","challenge":1}""" },
        { "invalid UTF-8 in type", """{"type":"\xFF"}""" },
        { "invalid UTF-8 in challenge", """{"type":"url_verification","challenge":"\xFF"}""" },
        { "lone surrogate in challenge", """{"type":"url_verification","challenge":"\ud800"}""" },
        { "invalid UTF-8 in event text", """{"type":"event_callback","event_id":"Ev1","team_id":"T0FAKE","event":{"type":"app_mention","user":"U0A","channel":"C0GENERAL","text":"\xFF"}}""" },
        { "lone surrogate in event text", """{"type":"event_callback","event_id":"Ev2","team_id":"T0FAKE","event":{"type":"app_mention","user":"U0A","channel":"C0GENERAL","text":"\ud800"}}""" },
        { "invalid UTF-8 in a property name", """{"type":"event_callback","\xFF":1}""" },
        { "not JSON", "type=event_callback" },
    };

    [Theory]
    [MemberData(nameof(MalformedEvents))]
    public async Task A_malformed_event_body_gets_400(string name, string body)
    {
        using var response = await _host.PostSignedAsync("/slack/events", Bytes(body), Json);

        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{name}: {(int)response.StatusCode}");
    }

    [Theory]
    [InlineData("event is a string", """{"type":"event_callback","event_id":"Ev3","event":"x"}""")]
    [InlineData("event_id is a number", """{"type":"event_callback","event_id":3,"event":{}}""")]
    [InlineData("an unknown type", """{"type":"app_rate_limited"}""")]
    public async Task An_odd_but_well_formed_event_is_acknowledged_and_ignored(string name, string body)
    {
        using var response = await _host.PostSignedAsync("/slack/events", Bytes(body), Json);

        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{name}: {(int)response.StatusCode}");
    }

    [Theory]
    [InlineData("no payload", "a=b")]
    [InlineData("payload not JSON", "payload=%7B")]
    [InlineData("payload an array", "payload=%5B%5D")]
    [InlineData("payload null", "payload=null")]
    [InlineData("payload a string", "payload=%22x%22")]
    [InlineData("lone surrogate in payload", "payload=%7B%22type%22%3A%22%5Cud800%22%7D")]
    public async Task A_malformed_interaction_gets_400(string name, string body)
    {
        using var response = await _host.PostSignedAsync("/slack/interactions", Bytes(body), Form);

        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{name}: {(int)response.StatusCode}");
    }

    [Theory]
    [InlineData("empty body", "")]
    [InlineData("invalid UTF-8 everywhere", "command=%2Fcheckin&user_id=U0\\xFF&team_id=T0\\xFF&text=\\xFF")]
    [InlineData("percent-encoded invalid UTF-8", "command=%2Fcheckin&user_id=U0%FF&team_id=T0FAKE&text=%FF")]
    [InlineData("no user_id", "command=%2Fcheckin&team_id=T0FAKE&channel_id=C0GENERAL")]
    [InlineData("empty user_id", "command=%2Fcheckin&user_id=&team_id=T0FAKE&channel_id=C0GENERAL")]
    [InlineData("no team_id", "command=%2Fcheckin&user_id=U0HOSTILE&channel_id=C0GENERAL")]
    [InlineData("a user id of 100 KB", "command=%2Fcheckin&user_id={LONG}&team_id=T0FAKE&channel_id=C0GENERAL")]
    [InlineData("a team id of 100 KB", "command=%2Fcheckin&user_id=U0HOSTILE&team_id={LONG}&channel_id=C0GENERAL")]
    [InlineData("a channel id of 100 KB", "command=%2Fcheckin&user_id=U0HOSTILE&team_id=T0FAKE&channel_id={LONG}")]
    [InlineData("a user id of 65 characters", "command=%2Fcheckin&user_id=U2345678901234567890123456789012345678901234567890123456789012345&team_id=T0FAKE")]
    public async Task A_malformed_slash_command_is_refused_politely(string name, string body)
    {
        using var response = await _host.PostSignedAsync("/slack/commands", Bytes(body.Replace("{LONG}", new string('U', 100_000), StringComparison.Ordinal)), Form);

        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{name}: {(int)response.StatusCode}");
        var reply = FakeSlack.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("ephemeral", reply.GetProperty("response_type").GetString());
        Assert.Contains("could not read", reply.GetProperty("text").GetString()!, StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData("/slack/commands")]
    [InlineData("/slack/events")]
    [InlineData("/slack/interactions")]
    public async Task A_body_over_one_mebibyte_gets_413_not_401(string path)
    {
        var body = Bytes("text=" + new string('a', (1 << 20) + 1));

        using var response = await _host.PostSignedAsync(path, body, Form);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }

    [Fact]
    public async Task A_body_of_exactly_one_mebibyte_is_read()
    {
        var body = Bytes("payload=" + new string('a', (1 << 20) - "payload=".Length));

        using var response = await _host.PostSignedAsync("/slack/interactions", body, Form);

        // Read and verified, then refused for what it holds.
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task Random_signed_jsonish_bodies_never_get_a_5xx()
    {
        async Task NoServerErrorAsync(string path, byte[] body, string contentType)
        {
            using var response = await _host.PostSignedAsync(path, body, contentType);
            Assert.True((int)response.StatusCode < 500, $"{path} answered {(int)response.StatusCode} to {Encoding.UTF8.GetString(body)}");
        }

        await JsonishBodies.Body.SampleAsync(body => NoServerErrorAsync("/slack/events", body, Json), iter: 300, threads: 1);
        await JsonishBodies.Body.Select(b => Encoding.ASCII.GetBytes("payload=" + JsonishBodies.PercentEncode(b)))
            .SampleAsync(body => NoServerErrorAsync("/slack/interactions", body, Form), iter: 200, threads: 1);
        await JsonishBodies.Form("command", "text", "user_id", "user_name", "team_id", "channel_id", "response_url", "ssl_check")
            .SampleAsync(body => NoServerErrorAsync("/slack/commands", body, Form), iter: 200, threads: 1);
    }
}
