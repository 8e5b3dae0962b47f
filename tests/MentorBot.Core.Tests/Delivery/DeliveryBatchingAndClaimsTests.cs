using MentorBot.Core.Delivery;
using MentorBot.Core.Tests.Fakes;
using Microsoft.Extensions.Options;
using static MentorBot.Core.Tests.Fakes.DeliveryScenario;

namespace MentorBot.Core.Tests.Delivery;

/// <summary>Outbox v2 in the engine: batched planning, group-committed marks, claims shared by several engines.</summary>
public sealed class DeliveryBatchingAndClaimsTests
{
    private static DeliveryEngine Engine(BotHarness bot, DeliveryOptions options) => new(
        bot.Subscriptions, bot.Learners, bot.Outbox, bot.Notices, bot.Get<DeliveryComposer>(), [bot.Messenger],
        bot.Get<DeliveryMetrics>(), Options.Create(options), bot.Time);

    [Fact]
    public async Task Planning_writes_in_batches_and_a_learner_twice_in_one_batch_is_decided_from_the_first()
    {
        using var bot = new BotHarness(Utc("2026-11-15T12:00Z"));
        var finished = bot.Knowledge.Current.Roadmap.Max(w => w.Week) + 1;
        // Two Monday slots fall in an eight-day first window: the second must see the first, still unwritten, record.
        await bot.SubscribeAsync("done", DayOfWeek.Monday, "09:00", "UTC", currentWeek: finished);
        await bot.SubscribeAsync("busy", DayOfWeek.Monday, "10:00", "UTC");
        bot.Time.Advance(TimeSpan.FromDays(8));
        bot.Time.Advance(TimeSpan.FromHours(1)); // subscribed before the 09:00 slot
        var engine = Engine(bot, new DeliveryOptions { CatchUpWindow = TimeSpan.FromDays(8), EnqueueBatchSize = 256 });

        Assert.Equal(3, await engine.PlanAsync(bot.Time.GetUtcNow(), CancellationToken.None));

        Assert.Equal(1, bot.Outbox.EnqueueBatches);
        var done = Assert.Single(bot.Outbox.All, r => r.Learner.UserId == "done");
        Assert.Equal((DeliveryKind.Congratulation, "2026-W47"), (done.Kind, done.LocalWeek));
        Assert.Equal([DeliveryKind.Task, DeliveryKind.Task], bot.Outbox.All.Where(r => r.Learner.UserId == "busy").Select(r => r.Kind));
    }

    [Fact]
    public async Task Planning_splits_the_window_into_batches_of_the_configured_size()
    {
        using var bot = new BotHarness(Utc("2026-11-23T08:30Z"));
        for (var i = 0; i < 7; i++)
            await bot.SubscribeAsync($"u{i}", DayOfWeek.Monday, "09:00", "UTC");
        bot.Time.Advance(TimeSpan.FromHours(1)); // subscribed before the 09:00 slot
        var engine = Engine(bot, new DeliveryOptions { EnqueueBatchSize = 3 });

        Assert.Equal(7, await engine.PlanAsync(bot.Time.GetUtcNow(), CancellationToken.None));
        Assert.Equal(3, bot.Outbox.EnqueueBatches);
        Assert.Equal(0, await engine.PlanAsync(bot.Time.GetUtcNow(), CancellationToken.None));
    }

    [Fact]
    public async Task Marks_are_group_committed_and_first_attempts_say_nothing_was_sent_before()
    {
        using var bot = new BotHarness(Utc("2026-11-23T08:30Z"));
        for (var i = 0; i < 10; i++)
            await bot.SubscribeAsync($"u{i}", DayOfWeek.Monday, "09:00", "UTC");
        bot.Time.Advance(TimeSpan.FromHours(1)); // subscribed before the 09:00 slot
        var engine = Engine(bot, new DeliveryOptions { MarkBatchSize = 4, MarkFlushInterval = TimeSpan.FromHours(1) });

        await engine.RunOnceAsync(CancellationToken.None);

        Assert.Equal(10, bot.Messenger.Messages.Count);
        Assert.All(bot.Outbox.All, r => Assert.Equal((DeliveryRecordStatus.Sent, (string?)null), (r.Status, r.ClaimedBy)));
        Assert.Equal(3, bot.Outbox.MarkBatches); // 4 + 4 + the 2 left at the end of the claimed batch
        Assert.All(bot.Messenger.AttemptsSeen, a => Assert.False(a.MayAlreadyBeSent));
    }

    [Fact]
    public async Task A_dead_hosts_claim_is_taken_over_after_its_lease_and_the_attempt_says_it_may_have_been_sent()
    {
        using var bot = new BotHarness(Utc("2026-11-23T08:30Z"));
        await bot.SubscribeAsync("alice", DayOfWeek.Monday, "09:00", "UTC");
        bot.Time.Advance(TimeSpan.FromHours(1)); // subscribed before the 09:00 slot
        var survivor = Engine(bot, new DeliveryOptions { HostId = "host-b", ClaimLease = TimeSpan.FromMinutes(2) });
        await survivor.PlanAsync(bot.Time.GetUtcNow(), CancellationToken.None);
        // host-a claims and dies (or stalls) before it marks anything.
        var key = Assert.Single(await bot.Outbox.ClaimDueAsync("host-a", bot.Time.GetUtcNow(), TimeSpan.FromMinutes(2), 10)).Key;

        await survivor.SendPendingAsync(bot.Time.GetUtcNow(), CancellationToken.None);
        Assert.Empty(bot.Messenger.AttemptsSeen);

        bot.Time.Advance(TimeSpan.FromMinutes(2));
        await survivor.SendPendingAsync(bot.Time.GetUtcNow(), CancellationToken.None);

        var attempt = Assert.Single(bot.Messenger.AttemptsSeen);
        Assert.Equal(key, attempt.Key);
        Assert.True(attempt.MayAlreadyBeSent);
        Assert.Equal(Utc("2026-11-23T09:30Z"), attempt.FirstWrittenAt); // planned then, claimed by host-a, sent two minutes later
        Assert.False(await bot.Outbox.MarkFailedAttemptAsync("host-a", key, bot.Time.GetUtcNow(), "late"));
        Assert.Equal(DeliveryRecordStatus.Sent, (await bot.Outbox.GetAsync(key))!.Status);
    }

    [Fact]
    public async Task A_retry_after_a_failed_attempt_says_it_may_have_been_sent()
    {
        using var bot = new BotHarness(Utc("2026-11-23T08:30Z"));
        await bot.SubscribeAsync("alice", DayOfWeek.Monday, "09:00", "UTC");
        bot.Time.Advance(TimeSpan.FromHours(1)); // subscribed before the 09:00 slot
        bot.Messenger.Script = (_, attempt) => attempt == 1 ? DeliveryOutcome.RetryLater("timeout") : DeliveryOutcome.Delivered;
        var engine = Engine(bot, new DeliveryOptions { InitialRetryDelay = TimeSpan.FromMinutes(1) });

        await engine.RunOnceAsync(CancellationToken.None);
        bot.Time.Advance(TimeSpan.FromMinutes(1));
        await engine.RunOnceAsync(CancellationToken.None);

        Assert.Equal([false, true], bot.Messenger.AttemptsSeen.Select(a => a.MayAlreadyBeSent));
        Assert.Single(bot.Messenger.Messages);
    }

    [Fact]
    public async Task Two_engines_sending_at_once_attempt_every_delivery_exactly_once()
    {
        using var bot = new BotHarness(Utc("2026-11-23T08:30Z"));
        for (var i = 0; i < 120; i++)
            await bot.SubscribeAsync($"u{i:D3}", DayOfWeek.Monday, "09:00", "UTC");
        bot.Time.Advance(TimeSpan.FromHours(1)); // subscribed before the 09:00 slot
        var first = Engine(bot, new DeliveryOptions { ClaimBatchSize = 7, MaxConcurrentSends = 4 });
        var second = Engine(bot, new DeliveryOptions { ClaimBatchSize = 5 });
        Assert.NotEqual(first.HostId, second.HostId);
        var now = bot.Time.GetUtcNow();
        await Task.WhenAll(Task.Run(() => first.PlanAsync(now, CancellationToken.None)), Task.Run(() => second.PlanAsync(now, CancellationToken.None)));

        await Task.WhenAll(Task.Run(() => first.SendPendingAsync(now, CancellationToken.None)), Task.Run(() => second.SendPendingAsync(now, CancellationToken.None)));

        Assert.Equal(120, bot.Outbox.All.Count);
        Assert.Equal(120, bot.Messenger.Attempts);
        Assert.Equal(120, bot.Messenger.Messages.Select(m => m.Learner).Distinct().Count());
        Assert.All(bot.Outbox.All, r => Assert.Equal(DeliveryRecordStatus.Sent, r.Status));
    }

    [Fact]
    public async Task A_cancelled_pass_writes_what_was_confirmed_and_hands_back_what_it_never_tried()
    {
        using var bot = new BotHarness(Utc("2026-11-23T08:30Z"));
        for (var i = 0; i < 10; i++)
            await bot.SubscribeAsync($"u{i}", DayOfWeek.Monday, "09:00", "UTC");
        bot.Time.Advance(TimeSpan.FromHours(1)); // subscribed before the 09:00 slot
        var engine = Engine(bot, new DeliveryOptions { MarkBatchSize = 100, MarkFlushInterval = TimeSpan.FromHours(1) });
        using var stop = new CancellationTokenSource();
        bot.Messenger.AfterDeliver = _ =>
        {
            if (bot.Messenger.Messages.Count == 3)
            {
                stop.Cancel();
                stop.Token.ThrowIfCancellationRequested();
            }
        };

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => engine.RunOnceAsync(stop.Token));

        var records = bot.Outbox.All;
        Assert.Equal(2, records.Count(r => r.Status == DeliveryRecordStatus.Sent));
        var inFlight = Assert.Single(records, r => r.Status == DeliveryRecordStatus.Pending && r.ClaimedBy is not null);
        Assert.Equal(1, inFlight.Claims);
        Assert.Equal(7, records.Count(r => r is { Status: DeliveryRecordStatus.Pending, ClaimedBy: null, Claims: 0 }));
    }
}
