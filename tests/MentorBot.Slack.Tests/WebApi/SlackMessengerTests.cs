using MentorBot.Core.Commands;
using MentorBot.Core.Delivery;
using MentorBot.Core.Identity;
using MentorBot.Slack.Delivery;
using MentorBot.Slack.Tests.Fakes;
using MentorBot.Storage.LiteDb;
using MentorBot.Slack.WebApi;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace MentorBot.Slack.Tests.WebApi;

public sealed class SlackMessengerTests : IAsyncLifetime
{
    private static readonly Reply Message = new() { Title = "Week 1", Text = "Read **this** <!channel>" };

    private static readonly LearnerId Ada = new("slack", "U0ADA");

    private readonly string _directory = Path.Combine(Path.GetTempPath(), "mentorbot-slack-messenger-" + Guid.NewGuid().ToString("N"));
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 23, 9, 0, 0, TimeSpan.Zero));
    private FakeSlack _slack = null!;
    private LiteDbContext _database = null!;
    private SlackMessenger _messenger = null!;

    public async Task InitializeAsync()
    {
        _slack = await FakeSlack.StartAsync();
        _slack.Users["U0ADA"] = new FakeSlackUser("U0ADA", "ada");
        _slack.Time = _time;
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
        new(ApiClientFactory.Create(_slack, _time), new LiteDbDirectChannelStore(_database), NullLogger<SlackMessenger>.Instance);

    /// <summary>What the delivery engine writes before it sends: a pending outbox record for Ada's week.</summary>
    private async Task<string> EnqueueAsync(string week = "2026-W48")
    {
        var key = DeliveryKeys.For(Ada, week);
        var now = _time.GetUtcNow();
        var record = new DeliveryRecord(key, Ada, new CommunityId("slack", FakeSlack.TeamId), now, week, 1, DeliveryKind.Task, DeliveryRecordStatus.Pending, 0, now, now, null, null);
        Assert.True(await new LiteDbDeliveryOutbox(_database).TryEnqueueAsync(record));
        return key;
    }

    /// <summary>
    /// What the engine does before it sends: claims the due record and describes the attempt. Whether the attempt may
    /// follow an earlier post is the core's call (earlier attempts, or an earlier claim by a process that died).
    /// </summary>
    private async Task<OutboundAttempt> ClaimAsync(string key)
    {
        var claimed = await new LiteDbDeliveryOutbox(_database).ClaimDueAsync("host", _time.GetUtcNow(), TimeSpan.FromMinutes(5), 100);
        return OutboundAttempt.For(Assert.Single(claimed, r => r.Key == key));
    }

    /// <summary>An attempt with nothing before it (no outbox involved).</summary>
    private OutboundAttempt Fresh(string key) => new(key, _time.GetUtcNow(), MayAlreadyBeSent: false);

    /// <summary>Ends the process between Slack's post and the outbox's mark; a new process opens the same file later.</summary>
    private SlackMessenger Restart()
    {
        _time.Advance(TimeSpan.FromMinutes(1));
        _database.Dispose();
        _database = OpenDatabase();
        return NewMessenger();
    }

    [Fact]
    public async Task Every_post_carries_the_delivery_key_in_its_metadata()
    {
        var key = await EnqueueAsync();

        await _messenger.SendDirectAsync(Ada, Message, await ClaimAsync(key), CancellationToken.None);
        await _messenger.SendToChannelAsync(new CommunityId("slack", FakeSlack.TeamId), "C0GENERAL", Message, "challenge-7", CancellationToken.None);

        var posts = _slack.PostedMessages.ToList();
        Assert.Equal(SlackDeliveryMetadata.EventType, posts[0]["metadata"]!["event_type"]!.GetValue<string>());
        Assert.Equal(key, posts[0]["metadata"]!["event_payload"]![SlackDeliveryMetadata.KeyField]!.GetValue<string>());
        Assert.Equal("challenge-7", posts[1]["metadata"]!["event_payload"]![SlackDeliveryMetadata.KeyField]!.GetValue<string>());
    }

    [Fact]
    public async Task A_first_attempt_does_not_search_the_history()
    {
        var key = await EnqueueAsync();

        var attempt = await ClaimAsync(key);
        Assert.False(attempt.MayAlreadyBeSent);
        Assert.Equal(DeliveryStatus.Delivered, (await _messenger.SendDirectAsync(Ada, Message, attempt, CancellationToken.None)).Status);

        Assert.Equal(0, _slack.CallCount("conversations.history"));
        Assert.Equal(1, _slack.CallCount("chat.postMessage"));
    }

    [Fact]
    public async Task A_crash_after_the_post_and_before_the_mark_does_not_post_twice()
    {
        var key = await EnqueueAsync();
        Assert.Equal(DeliveryStatus.Delivered, (await _messenger.SendDirectAsync(Ada, Message, await ClaimAsync(key), CancellationToken.None)).Status);
        // Crash: the outbox record is still pending, claimed by the dead process.

        var restarted = Restart();
        var attempt = await ClaimAsync(key);
        Assert.True(attempt.MayAlreadyBeSent);
        var outcome = await restarted.SendDirectAsync(Ada, Message, attempt, CancellationToken.None);

        Assert.Equal(DeliveryStatus.Delivered, outcome.Status);
        Assert.Equal(1, _slack.CallCount("chat.postMessage"));
        Assert.Equal(1, _slack.CallCount("conversations.history"));
        Assert.Single(_slack.History["D0ADA"]);
    }

    [Fact]
    public async Task A_crash_before_the_post_still_posts_after_the_restart()
    {
        var key = await EnqueueAsync();
        await ClaimAsync(key);
        // Last week's message is in the DM under another key, and must not count as this one.
        await _messenger.SendDirectAsync(Ada, Message, Fresh(DeliveryKeys.For(Ada, "2026-W47")), CancellationToken.None);

        var restarted = Restart();
        var outcome = await restarted.SendDirectAsync(Ada, Message, await ClaimAsync(key), CancellationToken.None);

        Assert.Equal(DeliveryStatus.Delivered, outcome.Status);
        Assert.Equal(1, _slack.CallCount("conversations.history"));
        Assert.Equal(2, _slack.History["D0ADA"].Count);
        Assert.Equal(key, _slack.History["D0ADA"].Last()["metadata"]!["event_payload"]![SlackDeliveryMetadata.KeyField]!.GetValue<string>());
    }

    [Fact]
    public async Task A_retry_after_a_lost_answer_finds_the_post_slack_already_made()
    {
        var key = await EnqueueAsync();
        _slack.FailNext("chat.postMessage", FakeSlackFailure.LostResponse());
        var outbox = new LiteDbDeliveryOutbox(_database);

        var first = await _messenger.SendDirectAsync(Ada, Message, await ClaimAsync(key), CancellationToken.None);
        Assert.Equal(DeliveryStatus.RetryLater, first.Status);
        Assert.True(await outbox.MarkFailedAttemptAsync("host", key, _time.GetUtcNow(), first.Detail ?? ""));
        var attempt = await ClaimAsync(key);
        Assert.True(attempt.MayAlreadyBeSent);
        var retry = await _messenger.SendDirectAsync(Ada, Message, attempt, CancellationToken.None);

        Assert.Equal(DeliveryStatus.Delivered, retry.Status);
        Assert.Single(_slack.History["D0ADA"]);
    }

    [Fact]
    public async Task The_search_starts_at_the_record_and_follows_the_history_pages()
    {
        _slack.Users["U0BEA"] = new FakeSlackUser("U0BEA", "bea");
        var bea = new LearnerId("slack", "U0BEA");
        // A post tagged with the key long before the record was written cannot be this record's: the search starts at the record.
        var key = DeliveryKeys.For(bea, "2026-W48");
        await _messenger.SendDirectAsync(bea, Message, Fresh(key), CancellationToken.None);
        _time.Advance(TimeSpan.FromDays(7));
        var now = _time.GetUtcNow();
        await new LiteDbDeliveryOutbox(_database).TryEnqueueAsync(
            new DeliveryRecord(key, bea, new CommunityId("slack", FakeSlack.TeamId), now, "2026-W48", 1, DeliveryKind.Task, DeliveryRecordStatus.Pending, 0, now, now, null, null));
        await ClaimAsync(key); // by a process that then died
        _time.Advance(TimeSpan.FromMinutes(10));
        for (var i = 0; i < 150; i++)
            _slack.AddMessage("D0BEA", "U0BEA", "question " + i);

        var restarted = Restart();
        var outcome = await restarted.SendDirectAsync(bea, Message, await ClaimAsync(key), CancellationToken.None);

        Assert.Equal(DeliveryStatus.Delivered, outcome.Status);
        Assert.Equal(2, _slack.CallCount("conversations.history"));
        Assert.Equal(152, _slack.History["D0BEA"].Count);
    }

    [Fact]
    public async Task A_restarted_messenger_finds_the_dm_channel_in_storage_instead_of_opening_it_again()
    {
        Assert.Equal(DeliveryStatus.Delivered, (await _messenger.SendDirectAsync(Ada, Message, Fresh("week-1"), CancellationToken.None)).Status);
        Assert.Equal(1, _slack.CallCount("conversations.open"));

        _database.Dispose();
        _database = OpenDatabase();
        var restarted = NewMessenger();
        var outcome = await restarted.SendDirectAsync(Ada, Message, Fresh("week-2"), CancellationToken.None);

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

        var outcome = await _messenger.SendDirectAsync(Ada, Message, Fresh("week-1"), CancellationToken.None);

        Assert.Equal(DeliveryStatus.Delivered, outcome.Status);
        Assert.Equal(1, _slack.CallCount("conversations.open"));
        Assert.Equal([staleChannel, "D0ADA"], _slack.PostedMessages.Select(m => m["channel"]!.GetValue<string>()));
        Assert.Equal("D0ADA", await store.GetAsync(Ada));

        // The fresh channel is remembered again: the next message goes straight there.
        await _messenger.SendDirectAsync(Ada, Message, Fresh("week-2"), CancellationToken.None);
        Assert.Equal(1, _slack.CallCount("conversations.open"));
        Assert.Equal(3, _slack.CallCount("chat.postMessage"));
    }

    [Fact]
    public async Task A_freshly_opened_channel_that_fails_is_not_reopened_in_a_loop()
    {
        _slack.ArchivedChannels["D0ADA"] = true;
        await new LiteDbDirectChannelStore(_database).SetAsync(Ada, "D0DELETED");

        var outcome = await _messenger.SendDirectAsync(Ada, Message, Fresh("week-1"), CancellationToken.None);

        Assert.Equal(DeliveryStatus.Undeliverable, outcome.Status);
        Assert.Equal("is_archived", outcome.Detail);
        Assert.Equal(1, _slack.CallCount("conversations.open"));
        Assert.Equal(2, _slack.CallCount("chat.postMessage"));
    }

    [Fact]
    public async Task Other_post_errors_keep_the_remembered_channel()
    {
        await _messenger.SendDirectAsync(Ada, Message, Fresh("week-1"), CancellationToken.None);
        _slack.FailNext("chat.postMessage", new FakeSlackFailure("internal_error"));

        var outcome = await _messenger.SendDirectAsync(Ada, Message, Fresh("week-2"), CancellationToken.None);

        Assert.Equal(DeliveryStatus.RetryLater, outcome.Status);
        Assert.Equal(1, _slack.CallCount("conversations.open"));
        Assert.Equal("D0ADA", await new LiteDbDirectChannelStore(_database).GetAsync(Ada));
    }

    [Fact]
    public async Task A_direct_message_opens_the_conversation_once_and_posts_into_it()
    {
        var first = await _messenger.SendDirectAsync(new LearnerId("slack", "U0ADA"), Message, Fresh("week-1"), CancellationToken.None);
        var second = await _messenger.SendDirectAsync(new LearnerId("slack", "U0ADA"), Message, Fresh("week-2"), CancellationToken.None);

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
        var outcome = await _messenger.SendDirectAsync(new LearnerId("slack", userId), Message, Fresh("k"), CancellationToken.None);

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
