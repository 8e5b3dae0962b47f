using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using MentorBot.Core.Identity;
using MentorBot.Core.Storage;
using MentorBot.Slack.Http;
using MentorBot.Slack.Tests.Fakes;
using MentorBot.Core.Subscriptions;

namespace MentorBot.Slack.Tests.Http;

/// <summary>A signed request captured and sent again byte for byte, inside the five-minute window, is not acted on twice.</summary>
public sealed class ReplayTests : IAsyncLifetime
{
    private FakeSlack _slack = null!;
    private RunningHost _host = null!;

    public async Task InitializeAsync()
    {
        _slack = await FakeSlack.StartAsync();
        _slack.Users["U0REPLAY"] = new FakeSlackUser("U0REPLAY", "ada", "Europe/Berlin");
        _host = await RunningHost.StartAsync(_slack, SlackMode.Http);
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        await _slack.DisposeAsync();
    }

    [Fact]
    public async Task A_replayed_subscribe_does_not_revert_a_later_one()
    {
        var monday = CaptureCommand("/subscribe", "monday 09:00");
        var friday = CaptureCommand("/subscribe", "friday 18:00");

        using (var first = await SendAsync(monday))
            Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        // A slow answer goes out through response_url and may finish after the acknowledgement: wait for the store.
        await Wait.UntilAsync(async () => await DayAsync() == DayOfWeek.Monday, timeoutMs: 30_000);
        using (var second = await SendAsync(friday))
            Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        await Wait.UntilAsync(async () => await DayAsync() == DayOfWeek.Friday, timeoutMs: 30_000);
        using var replay = await SendAsync(monday);

        // Acknowledged (Slack never retries a 2xx) with nothing started: the learner stays on Friday.
        Assert.Equal(HttpStatusCode.OK, replay.StatusCode);
        Assert.Equal("", await replay.Content.ReadAsStringAsync());
        Assert.Equal(DayOfWeek.Friday, await DayAsync());
    }

    private async Task<DayOfWeek?> DayAsync() =>
        (await _host.Service<ISubscriptionStore>().GetAsync(new LearnerId("slack", "U0REPLAY")))?.Day;

    private (byte[] Body, string ContentType, string Timestamp, string Signature) CaptureCommand(string command, string text) =>
        Capture(SlashForm.Form(command, text, "U0REPLAY", _slack.NewResponseUrl()), "application/x-www-form-urlencoded");

    private static (byte[] Body, string ContentType, string Timestamp, string Signature) Capture(string body, string contentType)
    {
        var bytes = Encoding.UTF8.GetBytes(body);
        var timestamp = TimeProvider.System.GetUtcNow().ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        return (bytes, contentType, timestamp, SlackSignatureVerifier.Sign(RunningHost.SigningSecret, timestamp, bytes));
    }

    private async Task<HttpResponseMessage> SendAsync((byte[] Body, string ContentType, string Timestamp, string Signature) captured)
    {
        var path = captured.ContentType == "application/json" ? "/slack/events" : "/slack/commands";
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new ByteArrayContent(captured.Body) };
        request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(captured.ContentType);
        request.Headers.Add(SlackSignatureVerifier.TimestampHeader, captured.Timestamp);
        request.Headers.Add(SlackSignatureVerifier.SignatureHeader, captured.Signature);
        return await _host.Http.SendAsync(request);
    }
}
