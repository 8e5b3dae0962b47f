using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using MentorBot.Core.Identity;
using MentorBot.Core.Storage;
using MentorBot.Discord.Tests.Fakes;
using Microsoft.Extensions.DependencyInjection;
using MentorBot.Core.Subscriptions;

namespace MentorBot.Discord.Tests.EndToEnd;

/// <summary>
/// Discord's signature has no freshness check, so a captured interaction verifies forever; the whole host (Http mode,
/// real LiteDB) acts on each interaction id once and refuses a copy with 409.
/// </summary>
public sealed class ReplayTests : HttpModeHost
{
    [Fact]
    public async Task A_replayed_subscribe_is_refused_and_does_not_revert_a_later_one()
    {
        var monday = Capture(Discord.NewCommandInteraction("subscribe", [new JsonObject { ["name"] = "day", ["type"] = 3, ["value"] = "monday" }], userId: "717171717171717171"));
        var friday = Capture(Discord.NewCommandInteraction("subscribe", [new JsonObject { ["name"] = "day", ["type"] = 3, ["value"] = "friday" }], userId: "717171717171717171"));

        using (var first = await SendAsync(monday))
            Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        // A deferred answer may finish after the response: wait for the store each time.
        await Wait.UntilAsync(() => Day() == DayOfWeek.Monday, "Monday stored");
        using (var second = await SendAsync(friday))
            Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        await Wait.UntilAsync(() => Day() == DayOfWeek.Friday, "Friday stored");
        using var replay = await SendAsync(monday);

        // Refused before anything starts, so the store can be read at once.
        Assert.Equal(HttpStatusCode.Conflict, replay.StatusCode);
        Assert.Equal(DayOfWeek.Friday, Day());
    }

    private DayOfWeek? Day() =>
        Host.Services.GetRequiredService<ISubscriptionStore>().GetAsync(new LearnerId("discord", "717171717171717171")).GetAwaiter().GetResult()?.Day;

    [Fact]
    public async Task A_ping_may_come_again()
    {
        var ping = Capture(JsonNode.Parse("""{"id":"1","application_id":"111111111111111111","type":1,"token":"p","version":1}""")!.AsObject());

        using var first = await SendAsync(ping);
        using var second = await SendAsync(ping);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
    }

    private (string Body, string Timestamp, string Signature) Capture(JsonObject interaction)
    {
        var body = interaction.ToJsonString();
        var timestamp = (1700000000 + Random.Shared.Next(1000)).ToString(CultureInfo.InvariantCulture);
        return (body, timestamp, Signer.Sign(timestamp, body));
    }

    private async Task<HttpResponseMessage> SendAsync((string Body, string Timestamp, string Signature) captured)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/discord/interactions") { Content = new StringContent(captured.Body, Encoding.UTF8, "application/json") };
        request.Headers.Add("X-Signature-Ed25519", captured.Signature);
        request.Headers.Add("X-Signature-Timestamp", captured.Timestamp);
        return await Http.SendAsync(request);
    }
}
