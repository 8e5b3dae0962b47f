using MentorBot.Core.Commands;
using MentorBot.Core.Delivery;
using MentorBot.Core.Identity;
using MentorBot.Slack.Delivery;
using MentorBot.Slack.Tests.Fakes;
using MentorBot.Storage.LiteDb;
using Microsoft.Extensions.Logging.Abstractions;

namespace MentorBot.Slack.Tests.WebApi;

public sealed class SlackMessengerTests : IAsyncLifetime
{
    private static readonly Reply Message = new() { Title = "Week 1", Text = "Read **this** <!channel>" };

    private static readonly LearnerId Ada = new("slack", "U0ADA");

    private readonly string _directory = Path.Combine(Path.GetTempPath(), "mentorbot-slack-messenger-" + Guid.NewGuid().ToString("N"));
    private FakeSlack _slack = null!;
    private LiteDbContext _database = null!;
    private SlackMessenger _messenger = null!;

    public async Task InitializeAsync()
    {
        _slack = await FakeSlack.StartAsync();
        _slack.Users["U0ADA"] = new FakeSlackUser("U0ADA", "ada");
        _database = OpenDatabase();
        _messenger = NewMessenger();
    }

    public async Task DisposeAsync()
    {
        await _slack.DisposeAsync();
        _database.Dispose();
        if (Directory.Exists(_directory))
            Directory.Delete(_directory, recursive: true);
    }

    private LiteDbContext OpenDatabase() => new(new LiteDbStorageOptions { DatabasePath = Path.Combine(_directory, "mentorbot.db") });

    /// <summary>A messenger as a fresh process would build it: new API client, empty memory, the same database file.</summary>
    private SlackMessenger NewMessenger() =>
        new(ApiClientFactory.Create(_slack), new LiteDbDirectChannelStore(_database), NullLogger<SlackMessenger>.Instance);

    [Fact]
    public async Task A_restarted_messenger_finds_the_dm_channel_in_storage_instead_of_opening_it_again()
    {
        Assert.Equal(DeliveryStatus.Delivered, (await _messenger.SendDirectAsync(Ada, Message, "week-1", CancellationToken.None)).Status);
        Assert.Equal(1, _slack.CallCount("conversations.open"));

        _database.Dispose();
        _database = OpenDatabase();
        var restarted = NewMessenger();
        var outcome = await restarted.SendDirectAsync(Ada, Message, "week-2", CancellationToken.None);

        Assert.Equal(DeliveryStatus.Delivered, outcome.Status);
        Assert.Equal(1, _slack.CallCount("conversations.open"));
        Assert.Equal(["D0ADA", "D0ADA"], _slack.PostedMessages.Select(m => m["channel"]!.GetValue<string>()));
    }

    [Theory]
    [InlineData("D0DELETED")] // unknown to Slack: channel_not_found
    [InlineData("D0ARCHIVED")] // archived: is_archived
    public async Task A_remembered_channel_slack_calls_gone_is_dropped_and_the_dm_reopened_once(string staleChannel)
    {
        _slack.ArchivedChannels["D0ARCHIVED"] = true;
        var store = new LiteDbDirectChannelStore(_database);
        await store.SetAsync(Ada, staleChannel);

        var outcome = await _messenger.SendDirectAsync(Ada, Message, "week-1", CancellationToken.None);

        Assert.Equal(DeliveryStatus.Delivered, outcome.Status);
        Assert.Equal(1, _slack.CallCount("conversations.open"));
        Assert.Equal([staleChannel, "D0ADA"], _slack.PostedMessages.Select(m => m["channel"]!.GetValue<string>()));
        Assert.Equal("D0ADA", await store.GetAsync(Ada));

        // The fresh channel is remembered again: the next message goes straight there.
        await _messenger.SendDirectAsync(Ada, Message, "week-2", CancellationToken.None);
        Assert.Equal(1, _slack.CallCount("conversations.open"));
        Assert.Equal(3, _slack.CallCount("chat.postMessage"));
    }

    [Fact]
    public async Task A_freshly_opened_channel_that_fails_is_not_reopened_in_a_loop()
    {
        _slack.ArchivedChannels["D0ADA"] = true;
        await new LiteDbDirectChannelStore(_database).SetAsync(Ada, "D0DELETED");

        var outcome = await _messenger.SendDirectAsync(Ada, Message, "week-1", CancellationToken.None);

        Assert.Equal(DeliveryStatus.Undeliverable, outcome.Status);
        Assert.Equal("is_archived", outcome.Detail);
        Assert.Equal(1, _slack.CallCount("conversations.open"));
        Assert.Equal(2, _slack.CallCount("chat.postMessage"));
    }

    [Fact]
    public async Task Other_post_errors_keep_the_remembered_channel()
    {
        await _messenger.SendDirectAsync(Ada, Message, "week-1", CancellationToken.None);
        _slack.FailNext("chat.postMessage", new FakeSlackFailure("internal_error"));

        var outcome = await _messenger.SendDirectAsync(Ada, Message, "week-2", CancellationToken.None);

        Assert.Equal(DeliveryStatus.RetryLater, outcome.Status);
        Assert.Equal(1, _slack.CallCount("conversations.open"));
        Assert.Equal("D0ADA", await new LiteDbDirectChannelStore(_database).GetAsync(Ada));
    }

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
