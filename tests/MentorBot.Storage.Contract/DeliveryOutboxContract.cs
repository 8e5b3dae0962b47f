using MentorBot.Core.Delivery;
using MentorBot.Core.Identity;
using static MentorBot.Storage.Contract.TestData;

namespace MentorBot.Storage.Contract;

public abstract class DeliveryOutboxContract : StorageContract
{
    private IDeliveryOutbox Outbox() => Stores.Outbox;

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
    public async Task Concurrent_enqueues_through_two_workers_have_one_winner()
    {
        var record = Record(Bob, "2026-W48", Minutes(0), Workspace);
        var first = Outbox();
        var second = (await Database.OpenWorkerAsync()).Outbox;

        var results = await Task.WhenAll(
            Enumerable.Range(0, 20).Select(i => Task.Run(() => (i % 2 == 0 ? first : second).TryEnqueueAsync(record))));

        Assert.Equal(1, results.Count(r => r));
    }

    [Fact]
    public async Task Marks_apply_only_to_pending_records_claimed_by_the_marking_owner()
    {
        var outbox = Outbox();
        var record = Record(Alice, "2026-W48", Minutes(0));
        await outbox.TryEnqueueAsync(record);

        Assert.False(await outbox.MarkSentAsync("host-a", record.Key, Minutes(1)));
        var claimed = Assert.Single(await outbox.ClaimDueAsync("host-a", Minutes(0), TimeSpan.FromMinutes(5), 10));
        Assert.Equal(("host-a", Minutes(5), 1), (claimed.ClaimedBy, claimed.ClaimedUntil, claimed.Claims));
        Assert.True(await outbox.MarkFailedAttemptAsync("host-a", record.Key, Minutes(10), "429"));
        var failed = await outbox.GetAsync(record.Key);
        Assert.Equal((DeliveryRecordStatus.Pending, 1, Minutes(10), "429", (string?)null), (failed!.Status, failed.Attempts, failed.NextAttemptAt, failed.LastError, failed.ClaimedBy));
        Assert.False(await outbox.MarkSentAsync("host-a", record.Key, Minutes(10)));

        Assert.Empty(await outbox.ClaimDueAsync("host-a", Minutes(9), TimeSpan.FromMinutes(5), 10));
        Assert.Equal(2, Assert.Single(await outbox.ClaimDueAsync("host-a", Minutes(10), TimeSpan.FromMinutes(5), 10)).Claims);
        Assert.True(await outbox.MarkSentAsync("host-a", record.Key, Minutes(11)));
        var sent = await outbox.GetAsync(record.Key);
        Assert.Equal((DeliveryRecordStatus.Sent, 2, Minutes(11), null), (sent!.Status, sent.Attempts, sent.CompletedAt, sent.LastError));

        Assert.False(await outbox.MarkSentAsync("host-a", record.Key, Minutes(12)));
        Assert.False(await outbox.MarkUndeliverableAsync("host-a", record.Key, Minutes(12), "gone"));
        Assert.False(await outbox.MarkFailedAttemptAsync("host-a", record.Key, Minutes(12), "again"));
        Assert.False(await outbox.MarkSentAsync("host-a", "missing|2026-W01", Minutes(12)));
        Assert.Equal(Minutes(11), (await outbox.GetAsync(record.Key))!.CompletedAt);
        Assert.Empty(await outbox.ClaimDueAsync("host-a", Minutes(100), TimeSpan.FromMinutes(5), 10));
    }

    [Fact]
    public async Task Two_owners_claiming_concurrently_never_get_the_same_record()
    {
        const int count = 240;
        var first = Outbox();
        var second = (await Database.OpenWorkerAsync()).Outbox;
        var records = Enumerable.Range(0, count).Select(i => Record(new LearnerId("discord", $"u{i:D3}"), "2026-W48", Minutes(i % 7))).ToList();
        Assert.Equal(count, (await first.TryEnqueueManyAsync(records)).Count);

        async Task<List<string>> ClaimAllAsync(IDeliveryOutbox outbox, string owner)
        {
            var mine = new List<string>();
            while (await outbox.ClaimDueAsync(owner, Minutes(10), TimeSpan.FromMinutes(5), 7) is { Count: > 0 } batch)
            {
                Assert.All(batch, r => Assert.Equal(owner, r.ClaimedBy));
                mine.AddRange(batch.Select(r => r.Key));
            }
            return mine;
        }

        var claims = await Task.WhenAll(
            Task.Run(() => ClaimAllAsync(first, "host-a")), Task.Run(() => ClaimAllAsync(second, "host-b")),
            Task.Run(() => ClaimAllAsync(first, "host-c")), Task.Run(() => ClaimAllAsync(second, "host-d")));

        var all = claims.SelectMany(c => c).ToList();
        Assert.Equal(count, all.Count);
        Assert.Equal(count, all.Distinct().Count());
        Assert.Equal(records.Select(r => r.Key).Order(), all.Order());
    }

    [Fact]
    public async Task An_expired_lease_is_claimed_again_and_the_stale_owners_mark_is_refused()
    {
        var outbox = Outbox();
        var record = Record(Alice, "2026-W48", Minutes(0));
        await outbox.TryEnqueueAsync(record);
        var lease = TimeSpan.FromMinutes(2);

        Assert.Single(await outbox.ClaimDueAsync("host-a", Minutes(0), lease, 10));
        Assert.Empty(await outbox.ClaimDueAsync("host-b", Minutes(1), lease, 10));

        // host-a stalls past its lease; host-b takes over, and the record shows two claims that may have sent it.
        var taken = Assert.Single(await outbox.ClaimDueAsync("host-b", Minutes(2), lease, 10));
        Assert.Equal(("host-b", 2), (taken.ClaimedBy, taken.Claims));

        Assert.False(await outbox.MarkFailedAttemptAsync("host-a", record.Key, Minutes(30), "late"));
        Assert.False(await outbox.MarkSentAsync("host-a", record.Key, Minutes(3)));
        var stored = await outbox.GetAsync(record.Key);
        Assert.Equal((DeliveryRecordStatus.Pending, 0, "host-b"), (stored!.Status, stored.Attempts, stored.ClaimedBy));

        Assert.True(await outbox.MarkUndeliverableAsync("host-b", record.Key, Minutes(3), "DMs closed"));
        Assert.Equal(DeliveryRecordStatus.Undeliverable, (await outbox.GetAsync(record.Key))!.Status);
    }

    [Fact]
    public async Task A_released_claim_is_due_again_and_does_not_count_as_a_claim_that_may_have_sent()
    {
        var outbox = Outbox();
        var record = Record(Alice, "2026-W48", Minutes(0));
        await outbox.TryEnqueueAsync(record);
        Assert.Single(await outbox.ClaimDueAsync("host-a", Minutes(0), TimeSpan.FromMinutes(5), 10));

        Assert.Equal([record.Key], await outbox.MarkManyAsync("host-a", [DeliveryMark.Released(record.Key, Minutes(1))]));

        Assert.Empty(await outbox.ClaimDueAsync("host-b", Minutes(0), TimeSpan.FromMinutes(5), 10));
        var again = Assert.Single(await outbox.ClaimDueAsync("host-b", Minutes(1), TimeSpan.FromMinutes(5), 10));
        Assert.Equal((1, 0), (again.Claims, again.Attempts));
    }

    [Fact]
    public async Task A_batch_of_marks_applies_each_by_its_own_claim()
    {
        var outbox = Outbox();
        var records = Enumerable.Range(0, 5).Select(i => Record(new LearnerId("discord", $"m{i}"), "2026-W48", Minutes(i))).ToList();
        await outbox.TryEnqueueManyAsync(records);
        var mine = await outbox.ClaimDueAsync("host-a", Minutes(2), TimeSpan.FromMinutes(5), 10);
        Assert.Equal(records.Take(3).Select(r => r.Key), mine.Select(r => r.Key));

        var applied = await outbox.MarkManyAsync("host-a",
        [
            DeliveryMark.Sent(records[0].Key, Minutes(3)),
            DeliveryMark.Undeliverable(records[1].Key, Minutes(3), "gone"),
            DeliveryMark.FailedAttempt(records[2].Key, Minutes(20), "503"),
            DeliveryMark.Sent(records[3].Key, Minutes(3)), // never claimed
        ]);

        Assert.Equal(records.Take(3).Select(r => r.Key).Order(), applied.Order());
        Assert.Equal(
            [DeliveryRecordStatus.Sent, DeliveryRecordStatus.Undeliverable, DeliveryRecordStatus.Pending, DeliveryRecordStatus.Pending, DeliveryRecordStatus.Pending],
            await Task.WhenAll(records.Select(async r => (await outbox.GetAsync(r.Key))!.Status)));
    }

    [Fact]
    public async Task Enqueue_many_stores_each_new_key_once_and_reports_which()
    {
        var outbox = Outbox();
        var existing = Record(Alice, "2026-W48", Minutes(0));
        await outbox.TryEnqueueAsync(existing);
        var fresh = Record(Bob, "2026-W48", Minutes(1), Workspace);
        var later = Record(Alice, "2026-W49", Minutes(10_080));

        var added = await outbox.TryEnqueueManyAsync([existing with { RoadmapWeek = 7 }, fresh, later, fresh]);

        Assert.Equal(new[] { fresh.Key, later.Key }.Order(StringComparer.Ordinal), added.Order(StringComparer.Ordinal));
        Assert.Equal(2, (await outbox.GetAsync(existing.Key))!.RoadmapWeek);
        Assert.Equal("2026-W49", (await outbox.FindLatestAsync(Alice))!.LocalWeek);
        Assert.Empty(await outbox.TryEnqueueManyAsync([]));
    }

    [Fact]
    public async Task The_cursor_never_moves_backwards()
    {
        var outbox = Outbox();
        var other = (await Database.OpenWorkerAsync()).Outbox;
        await outbox.SetCursorAsync(Minutes(8));
        await other.SetCursorAsync(Minutes(7));
        Assert.Equal(Minutes(8), await outbox.GetCursorAsync());
        await other.SetCursorAsync(Minutes(9));
        Assert.Equal(Minutes(9), await outbox.GetCursorAsync());
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
        Assert.Equal([early.Key, deferred.Key], (await outbox.ClaimDueAsync("host-a", Minutes(1), TimeSpan.FromMinutes(1), 10)).Select(r => r.Key));
        await outbox.MarkManyAsync("host-a", [DeliveryMark.FailedAttempt(deferred.Key, Minutes(30), "429"), DeliveryMark.Released(early.Key, Minutes(0))]);

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

        var reopened = (await Database.ReopenAsync()).Outbox;

        Assert.Equal(Minutes(8), await reopened.GetCursorAsync());
        Assert.NotNull(await reopened.GetAsync(record.Key));
        Assert.False(await reopened.TryEnqueueAsync(record));
        Assert.True(await Stores.Health.PingAsync());
    }

    [Fact]
    public async Task Notices_are_consumed_once_and_survive_a_reopen()
    {
        var notices = Stores.Notices;
        await notices.SetAsync(new UndeliverableNotice(Alice, "first", Minutes(0)));
        await notices.SetAsync(new UndeliverableNotice(Alice, "DMs closed", Minutes(1)));

        var reopened = (await Database.ReopenAsync()).Notices;
        var results = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(() => reopened.TryConsumeAsync(Alice))));

        var notice = Assert.Single(results, n => n is not null);
        Assert.Equal(new UndeliverableNotice(Alice, "DMs closed", Minutes(1).ToUniversalTime()), notice);
        Assert.Null(await reopened.TryConsumeAsync(Alice));
        Assert.Null(await reopened.TryConsumeAsync(Bob));
    }

    [Fact]
    public async Task A_notice_is_consumed_once_by_concurrent_workers()
    {
        await Stores.Notices.SetAsync(new UndeliverableNotice(Alice, "DMs closed", Minutes(1)));
        var workers = new[] { Stores, await Database.OpenWorkerAsync(), await Database.OpenWorkerAsync() };

        var results = await Task.WhenAll(Enumerable.Range(0, 12).Select(i => Task.Run(() => workers[i % 3].Notices.TryConsumeAsync(Alice))));

        Assert.Single(results, n => n is not null);
    }

    [Fact]
    public async Task Health_answers_a_ping_with_a_schema_version()
    {
        Assert.True(await Stores.Health.PingAsync());
        Assert.True(Stores.Health.SchemaVersion >= 1);
    }
}
