using System.Net;
using MentorBot.Slack.SocketMode;
using MentorBot.Slack.Tests.Fakes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace MentorBot.Slack.Tests.EndToEnd;

public sealed class StartupTests
{
    [Fact]
    public async Task A_rejected_bot_token_stops_the_adapter()
    {
        await using var slack = await FakeSlack.StartAsync();
        await using var host = await RunningHost.StartAsync(slack, SlackMode.Http, new Dictionary<string, string?> { ["Slack:BotToken"] = "xoxb-revoked" });
        var state = host.Service<SlackAdapterState>();

        await MentorBot.Testing.Wait.UntilAsync(() => state.IsStopped, "invalid_auth should stop the adapter");
        using var response = await host.PostSignedAsync("/slack/commands", SlashForm.Form("/help", "", "U0X", slack.NewResponseUrl()));
        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        using var health = await host.Http.GetAsync("/healthz");
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
    }

    [Theory]
    [InlineData("Slack:BotToken", "xoxb-revoked")]
    [InlineData("Slack:AppToken", "xapp-revoked")]
    public async Task In_socket_mode_a_rejected_token_stops_the_adapter_but_not_the_host(string key, string value)
    {
        await using var slack = await FakeSlack.StartAsync();
        await using var host = await RunningHost.StartAsync(slack, SlackMode.SocketMode, new Dictionary<string, string?> { [key] = value });
        var lifetime = host.Service<Microsoft.Extensions.Hosting.IHostApplicationLifetime>();

        // auth.test and apps.connections.open start concurrently, so a rejected bot token may stop the adapter
        // before the Socket Mode client has asked for a URL: only one of the two calls is certain.
        await MentorBot.Testing.Wait.UntilAsync(() => slack.CallCount("apps.connections.open") + slack.CallCount("auth.test") >= 1);
        // The Socket Mode client's run ends once the adapter has stopped: after that nothing can retry.
        var socketMode = host.App.Services.GetServices<IHostedService>().OfType<SocketModeClient>().Single();
        await socketMode.ExecuteTask!.WaitAsync(TimeSpan.FromSeconds(30));

        Assert.False(lifetime.ApplicationStopping.IsCancellationRequested, "the rest of the bot keeps running");
        using var health = await host.Http.GetAsync("/healthz");
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        Assert.Equal(0, slack.OpenConnections);
        Assert.True(slack.CallCount("apps.connections.open") <= 1, "a refused token is not retried");
    }

    [Fact]
    public async Task Slack_unreachable_at_start_is_retried_while_the_host_keeps_serving()
    {
        await using var slack = await FakeSlack.StartAsync();
        slack.FailNext("auth.test", FakeSlackFailure.NetworkDown());
        slack.FailNext("auth.test", FakeSlackFailure.HtmlPage());
        await using var host = await RunningHost.StartAsync(slack, SlackMode.Http);
        var state = host.Service<SlackAdapterState>();

        using var response = await host.PostSignedAsync("/slack/commands", SlashForm.Form("/help", "", "U0X", slack.NewResponseUrl()));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await MentorBot.Testing.Wait.UntilAsync(() => state.BotUserId == FakeSlack.BotUserId, "auth.test should be retried with backoff", timeoutMs: 15_000);
        Assert.Equal(3, slack.CallCount("auth.test"));
        Assert.False(state.IsStopped);
    }

    [Fact]
    public async Task A_slow_answer_is_acknowledged_empty_and_delivered_through_response_url()
    {
        await using var slack = await FakeSlack.StartAsync();
        slack.Users["U0SLOW"] = new FakeSlackUser("U0SLOW", "slow");
        // users.info is held until the acknowledgement is back, so the slow path is certain however loaded the machine is.
        var usersInfo = slack.Hold("users.info");
        await using var host = await RunningHost.StartAsync(slack, SlackMode.Http, new Dictionary<string, string?> { ["Slack:AckBudget"] = "00:00:00.200" });
        var responseUrl = slack.NewResponseUrl();

        using var response = await host.PostSignedAsync("/slack/commands", SlashForm.Form("/faq", "do I need a CS degree", "U0SLOW", responseUrl));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("", await response.Content.ReadAsStringAsync());
        usersInfo.SetResult();
        var id = responseUrl.Segments.Last();
        await MentorBot.Testing.Wait.UntilAsync(() => slack.ResponseUrlPosts.Any(p => p.Id == id));
        var body = slack.ResponseUrlPosts.First(p => p.Id == id).Body;
        Assert.Contains("degree", body["text"]!.GetValue<string>(), StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData("Http", "Slack:SigningSecret", "")]
    [InlineData("SocketMode", "Slack:AppToken", "")]
    [InlineData("Http", "Slack:BotToken", "not-a-bot-token")]
    public async Task Missing_settings_fail_validation_with_the_key_named(string mode, string key, string value)
    {
        await using var slack = await FakeSlack.StartAsync();
        var settings = new Dictionary<string, string?>
        {
            ["Slack:Mode"] = mode,
            ["Slack:BotToken"] = FakeSlack.BotToken,
            ["Slack:AppToken"] = FakeSlack.AppToken,
            ["Slack:SigningSecret"] = RunningHost.SigningSecret,
            [key] = value,
        };

        var ex = await Assert.ThrowsAnyAsync<Exception>(async () =>
        {
            await using var host = await RunningHost.StartAsync(slack, Enum.Parse<SlackMode>(mode), settings);
        });

        Assert.Contains(key, ex.Message, StringComparison.Ordinal);
    }
}
