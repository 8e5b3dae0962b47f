using MentorBot.Core.Delivery;
using MentorBot.Core.Identity;
using static MentorBot.Storage.LiteDb.Tests.TestData;

namespace MentorBot.Storage.LiteDb.Tests;

public sealed class LiteDbDeliveryOutboxTests : IDisposable
{
    private readonly TempDatabase _db = new();

    public void Dispose() => _db.Dispose();

    private LiteDbDeliveryOutbox Outbox() => new(_db.Context);

    private static DeliveryRecord Record(LearnerId learner, string week, DateTimeOffset slot, CommunityId? community = null) => new(
        DeliveryKeys.For(learner, week), learner, community ?? Guild, slot, week, 2, DeliveryKind.Task,
        DeliveryRecordStatus.Pending, 0, slot, slot, null, null);

    [Fact]
    public async Task Enqueue_is_unique_by_key_and_round_trips()
    {
        var outbox = Outbox();
        var record = Record(Alice, "2026-W48", Minutes(0)) with { Kind = DeliveryKind.Nudge, RoadmapWeek = 3 };

        Assert.True(await outbox.TryEnqueueAsync(record));
        Assert.False(await outbox.TryEnqueueAsync(record with { RoadmapWeek = 9 }));

        var stored = await outbox.GetAsync(record.Key);
        Assert.Equal(record with { SlotUtc = record.SlotUtc.ToUniversalTime(), CreatedAt = record.CreatedAt.ToUniversalTime(), NextAttemptAt = record.NextAttemptAt.ToUniversalTime() }, stored);
        Assert.Equal(record.SlotUtc, stored!.SlotUtc);
        Assert.Null(await outbox.GetAsync("nobody|2026-W01"));
    }

    [Fact]
    public async Task Concurrent_enqueues_of_one_key_have_exactly_one_winner()
    {
        var outbox = Outbox();
        var record = Record(Alice, "2026-W48", Minutes(0));
        using var start = new ManualResetEventSlim();

        var attempts = Enumerable.Range(0, 16).Select(_ => Task.Run(async () =>
        {
            start.Wait();
            return await outbox.TryEnqueueAsync(record);
        })).ToList();
        start.Set();
        var results = await Task.WhenAll(attempts);

        Assert.Equal(1, results.Count(r => r));
        Assert.Single(await outbox.ListPendingAsync(Minutes(1)));
    }

    [Fact]
    public async Task Concurrent_enqueues_through_two_outboxes_on_one_context_have_one_winner()
    {
        var record = Record(Bob, "2026-W48", Minutes(0), Workspace);
        var first = Outbox();
        var second = Outbox();

        var results = await Task.WhenAll(
            Enumerable.Range(0, 20).Select(i => Task.Run(() => (i % 2 == 0 ? first : second).TryEnqueueAsync(record))));

        Assert.Equal(1, results.Count(r => r));
    }

    [Fact]
    public async Task Marks_apply_only_to_pending_records()
    {
        var outbox = Outbox();
        var record = Record(Alice, "2026-W48", Minutes(0));
        await outbox.TryEnqueueAsync(record);

        Assert.True(await outbox.MarkFailedAttemptAsync(record.Key, Minutes(10), "429"));
        var failed = await outbox.GetAsync(record.Key);
        Assert.Equal((DeliveryRecordStatus.Pending, 1, Minutes(10), "429"), (failed!.Status, failed.Attempts, failed.NextAttemptAt, failed.LastError));

        Assert.True(await outbox.MarkSentAsync(record.Key, Minutes(11)));
        var sent = await outbox.GetAsync(record.Key);
        Assert.Equal((DeliveryRecordStatus.Sent, 2, Minutes(11), null), (sent!.Status, sent.Attempts, sent.CompletedAt, sent.LastError));

        Assert.False(await outbox.MarkSentAsync(record.Key, Minutes(12)));
        Assert.False(await outbox.MarkUndeliverableAsync(record.Key, Minutes(12), "gone"));
        Assert.False(await outbox.MarkFailedAttemptAsync(record.Key, Minutes(12), "again"));
        Assert.False(await outbox.MarkSentAsync("missing|2026-W01", Minutes(12)));
        Assert.Equal(Minutes(11), (await outbox.GetAsync(record.Key))!.CompletedAt);
    }

    [Fact]
    public async Task Undeliverable_is_final_and_keeps_the_reason()
    {
        var outbox = Outbox();
        var record = Record(Alice, "2026-W48", Minutes(0));
        await outbox.TryEnqueueAsync(record);

        Assert.True(await outbox.MarkUndeliverableAsync(record.Key, Minutes(1), "DMs closed"));

        var stored = await outbox.GetAsync(record.Key);
        Assert.Equal((DeliveryRecordStatus.Undeliverable, "DMs closed"), (stored!.Status, stored.LastError));
        Assert.Empty(await outbox.ListPendingAsync(Minutes(100)));
    }

    [Fact]
    public async Task Pending_lists_only_due_pending_records_longest_waiting_first()
    {
        var outbox = Outbox();
        var early = Record(Alice, "2026-W48", Minutes(0));
        var later = Record(Bob, "2026-W48", Minutes(5), Workspace);
        var deferred = Record(new LearnerId("discord", "3"), "2026-W48", Minutes(1));
        var skipped = Record(new LearnerId("discord", "4"), "2026-W48", Minutes(0)) with { Status = DeliveryRecordStatus.Skipped };
        foreach (var r in new[] { later, early, deferred, skipped })
            await outbox.TryEnqueueAsync(r);
        await outbox.MarkFailedAttemptAsync(deferred.Key, Minutes(30), "429");

        Assert.Equal([early.Key], (await outbox.ListPendingAsync(Minutes(2))).Select(r => r.Key));
        Assert.Equal([early.Key, later.Key], (await outbox.ListPendingAsync(Minutes(10))).Select(r => r.Key));
        Assert.Equal([early.Key, later.Key, deferred.Key], (await outbox.ListPendingAsync(Minutes(30))).Select(r => r.Key));
    }

    [Fact]
    public async Task Recent_lists_the_communitys_newest_first_and_latest_finds_the_learners_last()
    {
        var outbox = Outbox();
        for (var week = 40; week < 48; week++)
            await outbox.TryEnqueueAsync(Record(Alice, $"2026-W{week}", Minutes(week * 10_080)));
        await outbox.TryEnqueueAsync(Record(Bob, "2026-W47", Minutes(999_999), Workspace));

        var recent = await outbox.ListRecentAsync(Guild, 3);
        Assert.Equal(["2026-W47", "2026-W46", "2026-W45"], recent.Select(r => r.LocalWeek));
        Assert.Single(await outbox.ListRecentAsync(Workspace, 10));
        Assert.Empty(await outbox.ListRecentAsync(new CommunityId("discord", "other"), 10));

        Assert.Equal("2026-W47", (await outbox.FindLatestAsync(Alice))!.LocalWeek);
        Assert.Null(await outbox.FindLatestAsync(new LearnerId("discord", "nobody")));
    }

    [Fact]
    public async Task Cursor_and_records_survive_a_reopen()
    {
        var record = Record(Alice, "2026-W48", Minutes(0));
        var outbox = Outbox();
        Assert.Null(await outbox.GetCursorAsync());
        await outbox.TryEnqueueAsync(record);
        await outbox.SetCursorAsync(Minutes(7));
        await outbox.SetCursorAsync(Minutes(8));

        _db.Reopen();
        var reopened = Outbox();

        Assert.Equal(Minutes(8), await reopened.GetCursorAsync());
        Assert.NotNull(await reopened.GetAsync(record.Key));
        Assert.False(await reopened.TryEnqueueAsync(record));
        Assert.Equal(LiteDbContext.CurrentSchemaVersion, _db.Context.SchemaVersion);
    }

    [Fact]
    public async Task Notices_are_consumed_once_and_survive_a_reopen()
    {
        var notices = new LiteDbUndeliverableNotices(_db.Context);
        await notices.SetAsync(new UndeliverableNotice(Alice, "first", Minutes(0)));
        await notices.SetAsync(new UndeliverableNotice(Alice, "DMs closed", Minutes(1)));

        _db.Reopen();
        var reopened = new LiteDbUndeliverableNotices(_db.Context);
        var results = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(() => reopened.TryConsumeAsync(Alice))));

        var notice = Assert.Single(results, n => n is not null);
        Assert.Equal(new UndeliverableNotice(Alice, "DMs closed", Minutes(1).ToUniversalTime()), notice);
        Assert.Null(await reopened.TryConsumeAsync(Alice));
        Assert.Null(await reopened.TryConsumeAsync(Bob));
    }
}
