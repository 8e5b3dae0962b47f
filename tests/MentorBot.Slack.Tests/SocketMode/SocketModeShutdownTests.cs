using System.Text.Json.Nodes;
using MentorBot.Slack.Tests.Fakes;

namespace MentorBot.Slack.Tests.SocketMode;

/// <summary>A graceful stop of the whole host while a Socket Mode answer is still on its way to Slack.</summary>
public sealed class SocketModeShutdownTests : SocketModeHostTest
{
    [Fact]
    public async Task An_acknowledged_mention_still_being_answered_when_the_host_stops_is_posted_before_StopAsync_returns()
    {
        // The answer waits on users.info for two seconds, far longer than the rest of the host takes to stop; only the
        // drain of the background work keeps StopAsync from returning before the answer is posted.
        SlackServer.Latency["users.info"] = TimeSpan.FromSeconds(2);
        var envelope = await SlackServer.SendEnvelopeAsync("events_api", new JsonObject
        {
            ["type"] = "event_callback",
            ["team_id"] = FakeSlack.TeamId,
            ["event_id"] = "Ev0STOPPING",
            ["event"] = new JsonObject
            {
                ["type"] = "app_mention",
                ["user"] = "U0LEARNER",
                ["text"] = $"<@{FakeSlack.BotUserId}> do I need a degree",
                ["channel"] = "C0GENERAL",
                ["ts"] = "1700000000.000100",
            },
        });
        await envelope.FirstAck.WaitAsync(Wait);
        await MentorBot.Testing.Wait.UntilAsync(() => SlackServer.CallCount("users.info") > 0, "the answer should be under way");

        await BotHost.App.StopAsync().WaitAsync(TimeSpan.FromSeconds(60));

        var posted = Assert.Single(SlackServer.PostedMessages);
        Assert.Equal("C0GENERAL", posted["channel"]?.GetValue<string>());
    }
}
