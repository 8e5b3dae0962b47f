using MentorBot.Slack.Rendering;
using MentorBot.Slack.Tests.Fakes;
using MentorBot.Slack.WebApi;
using MentorBot.Testing.Time;

namespace MentorBot.Slack.Tests.WebApi;

public sealed class SlackApiClientTests : IAsyncLifetime
{
    private FakeSlack _slack = null!;

    public async Task InitializeAsync()
    {
        _slack = await FakeSlack.StartAsync();
        _slack.Users["U0ADA"] = new FakeSlackUser("U0ADA", "ada", "America/Los_Angeles", IsOwner: true);
    }

    public async Task DisposeAsync() => await _slack.DisposeAsync();

    [Fact]
    public async Task Auth_test_sends_the_bearer_token_as_json_and_returns_the_bot_identity()
    {
        var client = ApiClientFactory.Create(_slack);

        var auth = await client.AuthTestAsync(CancellationToken.None);

        Assert.Equal(FakeSlack.BotUserId, auth.UserId);
        Assert.Equal(FakeSlack.TeamId, auth.TeamId);
        var call = Assert.Single(_slack.Calls);
        Assert.Equal(FakeSlack.BotToken, call.Token);
        Assert.Equal("application/json; charset=utf-8", call.ContentType);
    }

    [Fact]
    public async Task Ok_false_becomes_a_typed_exception_with_slacks_error_code()
    {
        var client = ApiClientFactory.Create(_slack, botToken: "xoxb-wrong");

        var ex = await Assert.ThrowsAsync<SlackApiException>(() => client.AuthTestAsync(CancellationToken.None));

        Assert.Equal("invalid_auth", ex.Error);
        Assert.True(ex.IsAuthFailure);
    }

    [Fact]
    public async Task Users_info_is_a_get_with_the_user_in_the_query_and_reads_time_zone_and_roles()
    {
        var client = ApiClientFactory.Create(_slack);

        var user = await client.GetUserAsync("U0ADA", CancellationToken.None);
        var missing = await Assert.ThrowsAsync<SlackApiException>(() => client.GetUserAsync("U0NOBODY", CancellationToken.None));

        Assert.Equal("America/Los_Angeles", user.TimeZone);
        Assert.True(user.IsOwner);
        Assert.False(user.IsAdmin);
        Assert.Equal("ada", user.DisplayName);
        Assert.Equal("user_not_found", missing.Error);
    }

    [Fact]
    public async Task A_429_pauses_the_method_for_retry_after_and_reports_it()
    {
        var time = new WatchedTimeProvider(DateTimeOffset.Parse("2026-11-23T10:00:00Z", System.Globalization.CultureInfo.InvariantCulture));
        var client = ApiClientFactory.Create(_slack, time);
        _slack.FailNext("chat.postMessage", FakeSlackFailure.RateLimited(30));
        var message = SlackRenderer.Render(new Core.Commands.Reply { Text = "hi" });

        var limited = await Assert.ThrowsAsync<SlackRateLimitedException>(() => client.PostMessageAsync("C0GENERAL", message, null, CancellationToken.None));
        var next = client.PostMessageAsync("C0GENERAL", message, null, CancellationToken.None);
        await time.WaitForTimerAsync(TimeSpan.FromSeconds(30));

        Assert.Equal(TimeSpan.FromSeconds(30), limited.RetryAfter);
        Assert.False(next.IsCompleted, "the method stays paused until Retry-After has passed");
        Assert.Equal(1, _slack.CallCount("chat.postMessage"));
        time.Advance(TimeSpan.FromSeconds(31));
        Assert.NotNull(await next.WaitAsync(TimeSpan.FromSeconds(10)));
        Assert.Equal(2, _slack.CallCount("chat.postMessage"));
    }

    [Fact]
    public async Task Other_methods_are_not_paused_by_one_methods_429()
    {
        var time = new WatchedTimeProvider(DateTimeOffset.Parse("2026-11-23T10:00:00Z", System.Globalization.CultureInfo.InvariantCulture));
        var client = ApiClientFactory.Create(_slack, time);
        _slack.FailNext("chat.postMessage", FakeSlackFailure.RateLimited(30));
        var message = SlackRenderer.Render(new Core.Commands.Reply { Text = "hi" });
        await Assert.ThrowsAsync<SlackRateLimitedException>(() => client.PostMessageAsync("C0GENERAL", message, null, CancellationToken.None));

        var user = await client.GetUserAsync("U0ADA", CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal("U0ADA", user.Id);
    }

    [Fact]
    public async Task Posts_to_one_channel_are_paced_to_one_a_second_after_a_short_burst()
    {
        var time = new WatchedTimeProvider(DateTimeOffset.Parse("2026-11-23T10:00:00Z", System.Globalization.CultureInfo.InvariantCulture));
        var client = ApiClientFactory.Create(_slack, time);
        var message = SlackRenderer.Render(new Core.Commands.Reply { Text = "hi" });
        for (var i = 0; i < 3; i++)
            await client.PostMessageAsync("C0GENERAL", message, null, CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(10));

        var fourth = client.PostMessageAsync("C0GENERAL", message, null, CancellationToken.None);
        // The fourth waits for about a second's token: more than half a second, at most one.
        var wait = await time.WaitForTimerAsync(d => d > TimeSpan.FromMilliseconds(500) && d <= TimeSpan.FromSeconds(1), "a token's wait");
        Assert.False(fourth.IsCompleted, "the burst is spent");
        time.Advance(TimeSpan.FromMilliseconds(500));
        Assert.Equal(3, _slack.CallCount("chat.postMessage"));
        time.Advance(wait - TimeSpan.FromMilliseconds(500));

        Assert.NotNull(await fourth.WaitAsync(TimeSpan.FromSeconds(10)));
        Assert.Equal(4, _slack.CallCount("chat.postMessage"));
    }

    [Fact]
    public async Task Posts_to_different_channels_are_not_held_back_by_each_other()
    {
        var time = new WatchedTimeProvider(DateTimeOffset.Parse("2026-11-23T10:00:00Z", System.Globalization.CultureInfo.InvariantCulture));
        var client = ApiClientFactory.Create(_slack, time);
        var message = SlackRenderer.Render(new Core.Commands.Reply { Text = "hi" });
        for (var i = 0; i < 3; i++)
            await client.PostMessageAsync("C0GENERAL", message, null, CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(10));
        var waiting = client.PostMessageAsync("C0GENERAL", message, null, CancellationToken.None);

        // More channels than a per-method bucket's minute (60) would allow, with the clock standing still.
        var channels = Enumerable.Range(0, 120).Select(i => $"C0CH{i:D3}").ToList();
        foreach (var channel in channels)
            _slack.Channels[channel] = true;
        await Task.WhenAll(channels.Select(c => client.PostMessageAsync(c, message, null, CancellationToken.None))).WaitAsync(TimeSpan.FromSeconds(60));

        Assert.False(waiting.IsCompleted, "the busy channel is still paced");
        Assert.Equal(3 + channels.Count, _slack.CallCount("chat.postMessage"));
        time.Advance(TimeSpan.FromSeconds(1));
        Assert.NotNull(await waiting.WaitAsync(TimeSpan.FromSeconds(10)));
    }

    [Fact]
    public async Task A_429_in_one_channel_does_not_pause_posts_to_another()
    {
        var time = new WatchedTimeProvider(DateTimeOffset.Parse("2026-11-23T10:00:00Z", System.Globalization.CultureInfo.InvariantCulture));
        var client = ApiClientFactory.Create(_slack, time);
        _slack.Channels["C0OTHER"] = true;
        _slack.FailNext("chat.postMessage", FakeSlackFailure.RateLimited(30));
        var message = SlackRenderer.Render(new Core.Commands.Reply { Text = "hi" });
        await Assert.ThrowsAsync<SlackRateLimitedException>(() => client.PostMessageAsync("C0GENERAL", message, null, CancellationToken.None));

        Assert.NotNull(await client.PostMessageAsync("C0OTHER", message, null, CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(10)));
    }

    [Fact]
    public async Task Calls_beyond_a_tiers_burst_wait_for_the_bucket_to_refill()
    {
        var time = new WatchedTimeProvider(DateTimeOffset.Parse("2026-11-23T10:00:00Z", System.Globalization.CultureInfo.InvariantCulture));
        var client = ApiClientFactory.Create(_slack, time);
        // conversations.open is Tier 3: about 50 a minute.
        for (var i = 0; i < 50; i++)
            await client.OpenDirectMessageAsync("U0ADA", CancellationToken.None);

        var next = client.OpenDirectMessageAsync("U0ADA", CancellationToken.None);
        await time.WaitForTimerAsync(d => d > TimeSpan.Zero, "the bucket's refill");

        Assert.False(next.IsCompleted);
        time.Advance(TimeSpan.FromSeconds(2));
        Assert.Equal("D0ADA", await next.WaitAsync(TimeSpan.FromSeconds(10)));
    }

    [Fact]
    public async Task Apps_connections_open_uses_the_app_token_and_returns_a_websocket_url()
    {
        var client = ApiClientFactory.Create(_slack);

        var url = await client.OpenConnectionAsync(CancellationToken.None);

        Assert.Equal("ws", url.Scheme);
        Assert.Equal(FakeSlack.AppToken, _slack.Calls.Single().Token);
    }

    [Fact]
    public async Task A_huge_reply_renders_within_the_limits_the_fake_enforces_for_slack()
    {
        var client = ApiClientFactory.Create(_slack);
        var huge = SlackRenderer.Render(new Core.Commands.Reply { Title = "T", Text = string.Join("\n\n", Enumerable.Repeat(new string('y', 2999), 70)) });

        var ts = await client.PostMessageAsync("C0GENERAL", huge, null, CancellationToken.None);

        Assert.NotNull(ts);
    }
}
