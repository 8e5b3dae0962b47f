using System.Net;
using System.Text.Json.Nodes;
using MentorBot.Slack.Tests.Fakes;
using MentorBot.Testing.Postgres;

namespace MentorBot.Slack.Tests.EndToEnd;

/// <summary>
/// Two whole hosts in Http mode on one PostgreSQL database, as behind a load balancer. Slack retries an event whose
/// acknowledgement it did not see, signed afresh, and the retry may reach the other host: it must not be answered twice.
/// </summary>
public sealed class EventRetryAcrossHostsTests : IAsyncLifetime
{
    private FakeSlack _slack = null!;
    private PostgresServer _server = null!;
    private string _database = "";

    public async Task InitializeAsync()
    {
        _slack = await FakeSlack.StartAsync();
        _slack.Users["U0LEARNER"] = new FakeSlackUser("U0LEARNER", "ada", "America/Los_Angeles");
        _server = await PostgresServer.SharedAsync();
        _database = await _server.CreateDatabaseAsync();
    }

    public async Task DisposeAsync()
    {
        await _slack.DisposeAsync();
        await _server.DropDatabaseAsync(_database);
    }

    [Fact]
    public async Task A_retried_event_that_reaches_the_other_host_is_answered_once()
    {
        var settings = new Dictionary<string, string?>
        {
            ["Storage:Provider"] = "Postgres",
            ["Storage:ConnectionString"] = _server.ConnectionStringFor(_database),
        };
        var body = new JsonObject
        {
            ["token"] = "legacy",
            ["team_id"] = FakeSlack.TeamId,
            ["api_app_id"] = "A0FAKE",
            ["event"] = new JsonObject
            {
                ["type"] = "app_mention",
                ["user"] = "U0LEARNER",
                ["text"] = $"<@{FakeSlack.BotUserId}> do I need a CS degree",
                ["ts"] = "1700000000.000200",
                ["channel"] = "C0GENERAL",
                ["event_ts"] = "1700000000.000200",
            },
            ["type"] = "event_callback",
            ["event_id"] = "Ev0ACROSSHOSTS",
            ["event_time"] = 1_700_000_000,
        }.ToJsonString();

        await using (var first = await RunningHost.StartAsync(_slack, SlackMode.Http, settings))
        await using (var second = await RunningHost.StartAsync(_slack, SlackMode.Http, settings))
        {
            using var delivered = await first.PostSignedAsync("/slack/events", body, "application/json");
            // Slack signs every delivery afresh, so the retry's signature differs from the first one's.
            using var retried = await second.PostSignedAsync("/slack/events", body, "application/json",
                headers: new Dictionary<string, string> { ["X-Slack-Retry-Num"] = "1", ["X-Slack-Retry-Reason"] = "http_timeout" }, age: TimeSpan.FromSeconds(2));
            Assert.Equal(HttpStatusCode.OK, delivered.StatusCode);
            Assert.Equal(HttpStatusCode.OK, retried.StatusCode);
            await MentorBot.Testing.Wait.UntilAsync(() => _slack.PostedMessages.Any());
            // Stopping drains both hosts' background work, so every answer either host would give has been posted.
            await first.App.StopAsync();
            await second.App.StopAsync();
        }

        var posted = Assert.Single(_slack.PostedMessages);
        Assert.Contains("degree", posted["text"]!.GetValue<string>(), StringComparison.OrdinalIgnoreCase);
    }
}
