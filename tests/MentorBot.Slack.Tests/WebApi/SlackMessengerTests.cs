using MentorBot.Core.Commands;
using MentorBot.Core.Delivery;
using MentorBot.Core.Identity;
using MentorBot.Slack.Delivery;
using MentorBot.Slack.Tests.Fakes;

namespace MentorBot.Slack.Tests.WebApi;

public sealed class SlackMessengerTests : IAsyncLifetime
{
    private static readonly Reply Message = new() { Title = "Week 1", Text = "Read **this** <!channel>" };

    private FakeSlack _slack = null!;
    private SlackMessenger _messenger = null!;

    public async Task InitializeAsync()
    {
        _slack = await FakeSlack.StartAsync();
        _slack.Users["U0ADA"] = new FakeSlackUser("U0ADA", "ada");
        _messenger = new SlackMessenger(ApiClientFactory.Create(_slack));
    }

    public async Task DisposeAsync() => await _slack.DisposeAsync();

    [Fact]
    public async Task A_direct_message_opens_the_conversation_once_and_posts_into_it()
    {
        var first = await _messenger.SendDirectAsync(new LearnerId("slack", "U0ADA"), Message, "week-1", CancellationToken.None);
        var second = await _messenger.SendDirectAsync(new LearnerId("slack", "U0ADA"), Message, "week-2", CancellationToken.None);

        Assert.Equal(DeliveryStatus.Delivered, first.Status);
        Assert.Equal(DeliveryStatus.Delivered, second.Status);
        Assert.Equal(1, _slack.CallCount("conversations.open"));
        Assert.All(_slack.PostedMessages, m => Assert.Equal("D0ADA", m["channel"]!.GetValue<string>()));
        Assert.All(_slack.PostedMessages, m => Assert.DoesNotContain("<!channel>", m.ToJsonString(new System.Text.Json.JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }), StringComparison.Ordinal));
        Assert.Equal("slack", _messenger.Platform);
    }

    [Theory]
    [InlineData("U0NOBODY", "user_not_found")]
    [InlineData(FakeSlack.BotUserId, "cannot_dm_bot")]
    public async Task Users_who_cannot_be_messaged_are_undeliverable(string userId, string error)
    {
        var outcome = await _messenger.SendDirectAsync(new LearnerId("slack", userId), Message, null, CancellationToken.None);

        Assert.Equal(DeliveryStatus.Undeliverable, outcome.Status);
        Assert.Equal(error, outcome.Detail);
    }

    [Fact]
    public async Task An_unknown_channel_is_undeliverable()
    {
        var outcome = await _messenger.SendToChannelAsync(new CommunityId("slack", FakeSlack.TeamId), "C0GONE", Message, null, CancellationToken.None);

        Assert.Equal(DeliveryStatus.Undeliverable, outcome.Status);
        Assert.Equal("channel_not_found", outcome.Detail);
    }

    [Fact]
    public async Task A_rate_limit_means_retry_later_after_slacks_retry_after()
    {
        _slack.FailNext("chat.postMessage", FakeSlackFailure.RateLimited(12));

        var outcome = await _messenger.SendToChannelAsync(new CommunityId("slack", FakeSlack.TeamId), "C0GENERAL", Message, null, CancellationToken.None);

        Assert.Equal(DeliveryStatus.RetryLater, outcome.Status);
        Assert.Equal(TimeSpan.FromSeconds(12), outcome.RetryAfter);
    }

    [Fact]
    public async Task A_network_failure_means_retry_later()
    {
        _slack.FailNext("chat.postMessage", FakeSlackFailure.NetworkDown());

        var outcome = await _messenger.SendToChannelAsync(new CommunityId("slack", FakeSlack.TeamId), "C0GENERAL", Message, null, CancellationToken.None);

        Assert.Equal(DeliveryStatus.RetryLater, outcome.Status);
    }

    [Fact]
    public async Task A_refusal_can_still_be_posted_to_a_channel()
    {
        var outcome = await _messenger.SendToChannelAsync(new CommunityId("slack", FakeSlack.TeamId), "C0GENERAL", Reply.Refusal("only you"), null, CancellationToken.None);

        Assert.Equal(DeliveryStatus.Delivered, outcome.Status);
        Assert.Equal("C0GENERAL", Assert.Single(_slack.PostedMessages)["channel"]!.GetValue<string>());
    }
}
