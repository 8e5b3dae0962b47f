using MentorBot.Core.Commands;
using MentorBot.Core.Delivery;
using MentorBot.Core.Identity;
using MentorBot.Core.Tests.Fakes;
using Microsoft.Extensions.Options;
using static MentorBot.Core.Tests.Fakes.DeliveryScenario;
using MentorBot.Core.Subscriptions;

namespace MentorBot.Core.Tests.Delivery;

public sealed class DeliveryEngineTests
{
    private static readonly TimeSpan Step = TimeSpan.FromMinutes(5);

    [Fact]
    public async Task A_simulated_spring_week_across_dst_changes_delivers_exactly_the_expected_messages()
    {
        using var bot = new BotHarness(Utc("2026-03-27T00:00Z"));
        await bot.SubscribeAsync("berlin", DayOfWeek.Sunday, "02:30", "Europe/Berlin");      // gap on 03-29
        await bot.SubscribeAsync("sydney", DayOfWeek.Sunday, "02:30", "Australia/Sydney");   // repeated hour on 04-05
        await bot.SubscribeAsync("newyork", DayOfWeek.Monday, "09:00", "America/New_York");  // already on EDT
        await bot.SubscribeAsync("kolkata", DayOfWeek.Wednesday, "18:00", "Asia/Kolkata");   // no DST

        await bot.RunForAsync(TimeSpan.FromDays(11), Step);

        Assert.Equal(
            [
                ("sydney", Utc("2026-03-28T15:30Z")),
                ("berlin", Utc("2026-03-29T01:00Z")),
                ("newyork", Utc("2026-03-30T13:00Z")),
                ("kolkata", Utc("2026-04-01T12:30Z")),
                ("sydney", Utc("2026-04-04T15:30Z")),
                ("berlin", Utc("2026-04-05T00:30Z")),
                ("newyork", Utc("2026-04-06T13:00Z")),
            ],
            bot.Messenger.Messages.Select(m => (m.Learner.UserId, m.At)));
        Assert.Equal(0, bot.Messenger.DuplicateSendsAbsorbed);
        Assert.All(bot.Outbox.All, r => Assert.Equal(DeliveryRecordStatus.Sent, r.Status));
    }

    [Fact]
    public async Task A_simulated_autumn_week_fires_repeated_hours_once()
    {
        using var bot = new BotHarness(Utc("2026-10-23T00:00Z"));
        await bot.SubscribeAsync("berlin", DayOfWeek.Sunday, "02:30", "Europe/Berlin");      // repeated hour on 10-25
        await bot.SubscribeAsync("newyork", DayOfWeek.Sunday, "01:30", "America/New_York");  // repeated hour on 11-01
        await bot.SubscribeAsync("sydney", DayOfWeek.Sunday, "02:30", "Australia/Sydney");   // already on AEDT
        await bot.SubscribeAsync("kolkata", DayOfWeek.Wednesday, "18:00", "Asia/Kolkata");

        await bot.RunForAsync(TimeSpan.FromDays(11), Step);

        Assert.Equal(
            [
                ("sydney", Utc("2026-10-24T15:30Z")),
                ("berlin", Utc("2026-10-25T00:30Z")),
                ("newyork", Utc("2026-10-25T05:30Z")),
                ("kolkata", Utc("2026-10-28T12:30Z")),
                ("sydney", Utc("2026-10-31T15:30Z")),
                ("berlin", Utc("2026-11-01T01:30Z")),
                ("newyork", Utc("2026-11-01T05:30Z")),
            ],
            bot.Messenger.Messages.Select(m => (m.Learner.UserId, m.At)));
        Assert.Equal(7, bot.Messenger.Messages.Select(m => m.Key).Distinct().Count());
    }

    [Fact]
    public async Task An_unfinished_week_comes_back_as_a_friendly_nudge_and_a_finished_one_moves_on()
    {
        using var bot = new BotHarness(Utc("2026-11-22T00:00Z"));
        await bot.SubscribeAsync("alice", DayOfWeek.Monday, "09:00", "UTC");

        await bot.RunForAsync(TimeSpan.FromDays(8), TimeSpan.FromHours(1));
        await bot.RunAsync("checkin", BotHarness.Alice);
        await bot.RunForAsync(TimeSpan.FromDays(7), TimeSpan.FromHours(1));
        await bot.RunAsync("task", BotHarness.Alice, options: ("action", "done"));
        await bot.RunForAsync(TimeSpan.FromDays(7), TimeSpan.FromHours(1));

        var messages = bot.Messenger.Messages;
        Assert.Equal(3, messages.Count);
        Assert.Equal("Week 1: HTTP basics", messages[0].Reply.Title);
        Assert.Contains("**Done when:** You can explain a 404", messages[0].Reply.Text, StringComparison.Ordinal);
        Assert.Equal(DeliveryComposer.DoneHint, messages[0].Reply.Footer);
        Assert.DoesNotContain("No rush", messages[0].Reply.Text, StringComparison.Ordinal);

        Assert.Equal("Week 1: HTTP basics", messages[1].Reply.Title);
        Assert.StartsWith("No rush", messages[1].Reply.Text, StringComparison.Ordinal);
        Assert.Contains("1-day streak", messages[1].Reply.Text, StringComparison.Ordinal);
        Assert.Equal([DeliveryKind.Task, DeliveryKind.Nudge, DeliveryKind.Task], bot.Outbox.All.Select(r => r.Kind));

        Assert.Equal("Week 2: Your first API", messages[2].Reply.Title);
        Assert.Equal([1, 1, 2], bot.Outbox.All.Select(r => r.RoadmapWeek));
    }

    [Fact]
    public async Task A_finished_roadmap_is_congratulated_once_then_left_alone()
    {
        using var bot = new BotHarness(Utc("2026-11-22T00:00Z"));
        await bot.SubscribeAsync("alice", DayOfWeek.Monday, "09:00", "UTC", currentWeek: 4);

        await bot.RunForAsync(TimeSpan.FromDays(22), TimeSpan.FromHours(1));

        var message = Assert.Single(bot.Messenger.Messages);
        Assert.Contains("finished the roadmap", message.Reply.Title, StringComparison.Ordinal);
        Assert.Single(bot.Outbox.All);
    }

    [Fact]
    public async Task A_retry_later_storm_delays_but_loses_nothing()
    {
        using var bot = new BotHarness(Utc("2026-11-23T08:00Z"));
        var learners = new List<LearnerId>();
        for (var i = 0; i < 8; i++)
            learners.Add(await bot.SubscribeAsync($"u{i}", DayOfWeek.Monday, "09:00", "UTC"));
        // The platform refuses the first 40 attempts, as a 429 storm would.
        bot.Messenger.Script = (_, attempt) => attempt <= 40 ? DeliveryOutcome.RetryLater("429 Too Many Requests", TimeSpan.FromSeconds(5)) : DeliveryOutcome.Delivered;
        using var counters = new CounterListener(bot.Get<DeliveryMetrics>().Meter);

        await bot.RunForAsync(TimeSpan.FromHours(12), TimeSpan.FromSeconds(30));

        var messages = bot.Messenger.Messages;
        Assert.Equal(learners.Select(l => l.ToString()).Order(), messages.Select(m => m.Learner.ToString()).Order());
        Assert.All(messages, m => Assert.True(m.At > Utc("2026-11-23T09:00Z")));
        Assert.All(bot.Outbox.All, r => Assert.Equal(DeliveryRecordStatus.Sent, r.Status));
        Assert.Equal(40, counters.Get("mentorbot.delivery.deferred"));
        Assert.Equal(8, counters.Get("mentorbot.delivery.delivered"));
    }

    [Fact]
    public async Task Concurrent_sends_stay_within_the_limit_stop_starting_on_retry_later_and_send_each_learner_once()
    {
        using var bot = new BotHarness(Utc("2026-11-23T08:00Z"));
        var learners = new List<LearnerId>();
        for (var i = 0; i < 40; i++)
            learners.Add(await bot.SubscribeAsync($"u{i:D2}", DayOfWeek.Monday, "09:00", "UTC"));
        // Attempt 10 is refused: the pass must stop starting sends, and the rest go out on later passes.
        bot.Messenger.Script = (_, attempt) => attempt == 10 ? DeliveryOutcome.RetryLater("429 Too Many Requests") : DeliveryOutcome.Delivered;
        var slow = new SlowMessenger(bot.Messenger);
        using var counters = new CounterListener(bot.Get<DeliveryMetrics>().Meter);
        var engine = new DeliveryEngine(
            bot.Subscriptions, bot.Learners, bot.Outbox, bot.Notices, bot.Get<DeliveryComposer>(), [slow], bot.Get<DeliveryMetrics>(),
            Options.Create(bot.DeliveryOptions with { MaxConcurrentSends = SlowMessenger.Limit }), bot.Time);

        bot.Time.Advance(TimeSpan.FromHours(1));
        await engine.RunOnceAsync(CancellationToken.None);
        var firstPass = bot.Messenger.Messages.Count;
        await bot.RunForAsync(TimeSpan.FromHours(1), TimeSpan.FromMinutes(1), engine);

        Assert.InRange(firstPass, 9, 9 + 3); // the sends already in flight when attempt 10 was refused may finish
        Assert.Equal(SlowMessenger.Limit, slow.MaxInFlight);
        Assert.Equal(learners.Select(l => l.ToString()).Order(), bot.Messenger.Messages.Select(m => m.Learner.ToString()).Order());
        Assert.All(bot.Outbox.All, r => Assert.Equal(DeliveryRecordStatus.Sent, r.Status));
        Assert.Equal(1, counters.Get("mentorbot.delivery.deferred"));
    }

    /// <summary>
    /// Holds every send until four are in flight at once, so the overlap the test counts is caused, not hoped for from
    /// a real-time pause; after that first meeting sends pass straight through. A bounded wait, so an engine that never
    /// reaches four concurrent sends fails the test instead of hanging it.
    /// </summary>
    private sealed class SlowMessenger(IOutboundMessenger inner) : IOutboundMessenger
    {
        private int _inFlight;
        private int _max;

        public string Platform => inner.Platform;

        public const int Limit = 4;

        private readonly TaskCompletionSource _allInFlight = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public int MaxInFlight => Volatile.Read(ref _max);

        public async Task<DeliveryOutcome> SendDirectAsync(LearnerId learner, Reply message, OutboundAttempt attempt, CancellationToken cancellationToken)
        {
            var now = Interlocked.Increment(ref _inFlight);
            int seen;
            while (now > (seen = Volatile.Read(ref _max)) && Interlocked.CompareExchange(ref _max, now, seen) != seen)
            {
            }
            try
            {
                if (now == Limit)
                    _allInFlight.TrySetResult();
                await _allInFlight.Task.WaitAsync(TimeSpan.FromSeconds(30), cancellationToken);
                return await inner.SendDirectAsync(learner, message, attempt, cancellationToken);
            }
            finally
            {
                Interlocked.Decrement(ref _inFlight);
            }
        }

        public Task<DeliveryOutcome> SendToChannelAsync(CommunityId community, string channelId, Reply message, string? idempotencyKey, CancellationToken cancellationToken) =>
            inner.SendToChannelAsync(community, channelId, message, idempotencyKey, cancellationToken);
    }

    [Fact]
    public async Task Backoff_doubles_up_to_the_cap_and_honours_retry_after()
    {
        using var bot = new BotHarness(Utc("2026-11-23T09:00Z"));
        await bot.SubscribeAsync("alice", DayOfWeek.Monday, "09:00", "UTC");
        bot.Messenger.Script = (_, _) => DeliveryOutcome.RetryLater("down");

        var engine = bot.Engine;
        var delays = new List<TimeSpan>();
        for (var i = 0; i < 10; i++)
        {
            var now = bot.Time.GetUtcNow();
            await engine.RunOnceAsync(CancellationToken.None);
            var record = Assert.Single(bot.Outbox.All);
            delays.Add(record.NextAttemptAt - now);
            bot.Time.Advance(record.NextAttemptAt - now);
        }

        Assert.Equal(TimeSpan.FromSeconds(30), delays[0]);
        Assert.Equal(TimeSpan.FromSeconds(60), delays[1]);
        Assert.Equal(TimeSpan.FromSeconds(120), delays[2]);
        Assert.Equal(TimeSpan.FromHours(1), delays[^1]);
        Assert.Equal(10, Assert.Single(bot.Outbox.All).Attempts);
        Assert.Equal(DeliveryRecordStatus.Pending, Assert.Single(bot.Outbox.All).Status);

        bot.Messenger.Script = (_, _) => DeliveryOutcome.RetryLater("slow down", TimeSpan.FromHours(3));
        bot.Time.Advance(TimeSpan.FromHours(1));
        await engine.RunOnceAsync(CancellationToken.None);
        Assert.Equal(bot.Time.GetUtcNow().AddHours(3), Assert.Single(bot.Outbox.All).NextAttemptAt);
    }

    [Fact]
    public async Task A_throwing_messenger_is_retried_until_it_works()
    {
        using var bot = new BotHarness(Utc("2026-11-23T08:59Z"));
        await bot.SubscribeAsync("alice", DayOfWeek.Monday, "09:00", "UTC");
        bot.Messenger.Script = (_, attempt) => attempt <= 3 ? throw new HttpRequestException("connection reset") : DeliveryOutcome.Delivered;
        using var counters = new CounterListener(bot.Get<DeliveryMetrics>().Meter);

        await bot.RunForAsync(TimeSpan.FromHours(1), TimeSpan.FromSeconds(30));

        Assert.Single(bot.Messenger.Messages);
        Assert.Equal(3, counters.Get("mentorbot.delivery.failed"));
        var record = Assert.Single(bot.Outbox.All);
        Assert.Equal(DeliveryRecordStatus.Sent, record.Status);
        Assert.Equal(4, record.Attempts);
    }

    [Fact]
    public async Task An_undeliverable_learner_is_marked_not_retried_and_told_once_on_their_next_command()
    {
        using var bot = new BotHarness(Utc("2026-11-23T08:59Z"));
        await bot.SubscribeAsync("alice", DayOfWeek.Monday, "09:00", "UTC");
        bot.Messenger.Script = (_, _) => DeliveryOutcome.Undeliverable("Cannot send messages to this user (50007)");
        using var counters = new CounterListener(bot.Get<DeliveryMetrics>().Meter);

        await bot.RunForAsync(TimeSpan.FromHours(2), TimeSpan.FromSeconds(30));

        Assert.Equal(1, bot.Messenger.Attempts);
        Assert.Empty(bot.Messenger.Messages);
        var record = Assert.Single(bot.Outbox.All);
        Assert.Equal(DeliveryRecordStatus.Undeliverable, record.Status);
        Assert.Contains("50007", record.LastError, StringComparison.Ordinal);
        Assert.Equal(1, counters.Get("mentorbot.delivery.undeliverable"));

        var first = await bot.SendAsync("/streak");
        var second = await bot.SendAsync("/streak");
        var someoneElse = await bot.SendAsync("/streak", BotHarness.Bob);
        Assert.Contains("couldn't send you your weekly roadmap task", first.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("couldn't send you", second.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("couldn't send you", someoneElse.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Catch_up_sends_slots_younger_than_the_window_and_skips_older_ones()
    {
        using var bot = new BotHarness(Utc("2026-11-23T00:00Z"));
        await bot.SubscribeAsync("early", DayOfWeek.Monday, "02:00", "UTC");
        await bot.SubscribeAsync("late", DayOfWeek.Monday, "20:00", "UTC");
        await bot.SubscribeAsync("next", DayOfWeek.Tuesday, "07:00", "UTC");
        await bot.Engine.RunOnceAsync(CancellationToken.None);

        // The host is down for 30 hours and comes back on Tuesday 06:00.
        bot.Time.Advance(TimeSpan.FromHours(30));
        await bot.Engine.RunOnceAsync(CancellationToken.None);

        Assert.Equal(["late"], bot.Messenger.Messages.Select(m => m.Learner.UserId));
        var early = bot.Outbox.All.Single(r => r.Learner.UserId == "early");
        Assert.Equal(DeliveryRecordStatus.Skipped, early.Status);
        Assert.DoesNotContain(bot.Outbox.All, r => r.Learner.UserId == "next");

        bot.Time.Advance(TimeSpan.FromHours(1));
        await bot.Engine.RunOnceAsync(CancellationToken.None);
        Assert.Equal(["late", "next"], bot.Messenger.Messages.Select(m => m.Learner.UserId));
    }

    [Fact]
    public async Task The_first_run_catches_up_the_last_day()
    {
        using var bot = new BotHarness(Utc("2026-11-22T00:00Z"));
        await bot.SubscribeAsync("alice", DayOfWeek.Monday, "09:00", "UTC");
        bot.Time.Advance(TimeSpan.FromDays(1) + TimeSpan.FromHours(12)); // Monday 12:00, engine never ran

        await bot.Engine.RunOnceAsync(CancellationToken.None);

        Assert.Single(bot.Messenger.Messages);
    }

    [Fact]
    public async Task Running_the_same_window_twice_sends_once()
    {
        using var bot = new BotHarness(Utc("2026-11-23T09:00Z"));
        await bot.SubscribeAsync("alice", DayOfWeek.Monday, "09:00", "UTC");

        await bot.Engine.RunOnceAsync(CancellationToken.None);
        await bot.Outbox.SetCursorAsync(Utc("2026-11-23T00:00Z")); // as if the cursor write had been lost
        await bot.Engine.RunOnceAsync(CancellationToken.None);

        Assert.Single(bot.Messenger.Messages);
        Assert.Equal(1, bot.Messenger.Attempts);
    }

    [Fact]
    public async Task A_changed_day_in_the_same_local_week_does_not_send_twice()
    {
        using var bot = new BotHarness(Utc("2026-11-23T08:00Z"));
        var alice = await bot.SubscribeAsync("alice", DayOfWeek.Monday, "09:00", "UTC");
        await bot.RunForAsync(TimeSpan.FromHours(2), Step);
        var sub = await bot.Subscriptions.GetAsync(alice);
        await bot.Subscriptions.UpsertAsync(sub! with { Day = DayOfWeek.Thursday });

        await bot.RunForAsync(TimeSpan.FromDays(10), TimeSpan.FromHours(1));

        Assert.Equal(2, bot.Messenger.Messages.Count); // this Monday, next week's Thursday; not this Thursday
        Assert.Equal(["2026-W48", "2026-W49"], bot.Outbox.All.Select(r => r.LocalWeek));
    }

    [Fact]
    public async Task Paused_learners_get_nothing_until_the_pause_ends()
    {
        using var bot = new BotHarness(Utc("2026-11-23T00:00Z"));
        var alice = await bot.SubscribeAsync("alice", DayOfWeek.Monday, "09:00", "UTC");
        var sub = await bot.Subscriptions.GetAsync(alice);
        await bot.Subscriptions.UpsertAsync(sub! with { PausedUntil = new DateOnly(2026, 12, 7) });

        await bot.RunForAsync(TimeSpan.FromDays(15), TimeSpan.FromHours(1));

        Assert.Equal([Utc("2026-12-07T09:00Z")], bot.Messenger.Messages.Select(m => m.At));
    }

    [Fact]
    public async Task A_learner_on_a_platform_without_a_messenger_waits_instead_of_being_dropped()
    {
        using var bot = new BotHarness(Utc("2026-11-23T08:59Z"));
        var id = new LearnerId("slack", "U1");
        await bot.Subscriptions.UpsertAsync(new MentorBot.Core.Subscriptions.Subscription(id, new CommunityId("slack", "T1"), DayOfWeek.Monday, new TimeOnly(9, 0), "UTC", null, bot.Time.GetUtcNow()));

        await bot.RunForAsync(TimeSpan.FromHours(1), TimeSpan.FromSeconds(30));

        var record = Assert.Single(bot.Outbox.All);
        Assert.Equal(DeliveryRecordStatus.Pending, record.Status);
        Assert.True(record.Attempts > 0);
        Assert.Contains("no messenger", record.LastError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unloaded_roadmap_defers_the_message()
    {
        using var bot = new BotHarness(Utc("2026-11-23T08:59Z"));
        await bot.SubscribeAsync("alice", DayOfWeek.Monday, "09:00", "UTC", currentWeek: 2);
        bot.Knowledge.Current = MentorBot.Core.Knowledge.KnowledgeBase.Empty;

        await bot.RunForAsync(TimeSpan.FromMinutes(10), TimeSpan.FromSeconds(30));
        Assert.Empty(bot.Messenger.Messages);

        bot.Knowledge.Current = SampleKnowledge.Base;
        await bot.RunForAsync(TimeSpan.FromHours(1), TimeSpan.FromSeconds(30));
        Assert.Equal("Week 2: Your first API", Assert.Single(bot.Messenger.Messages).Reply.Title);
    }

    [Fact]
    public async Task A_subscription_made_between_rereads_is_delivered_at_the_next_reread()
    {
        using var bot = new BotHarness(Utc("2026-11-23T08:55Z"));
        await bot.Engine.RunOnceAsync(CancellationToken.None); // remembers an empty list at 08:55
        bot.Time.Advance(TimeSpan.FromMinutes(3));
        await bot.SubscribeAsync("alice", DayOfWeek.Monday, "08:59", "UTC");

        await bot.RunForAsync(TimeSpan.FromMinutes(10), TimeSpan.FromSeconds(30));

        var message = Assert.Single(bot.Messenger.Messages);
        Assert.Equal(Utc("2026-11-23T09:00Z"), message.At); // the reread at 09:00, a minute late, not lost
    }

    [Theory]
    [InlineData("unsubscribe")]
    [InlineData("pause")]
    [InlineData("move")]
    public async Task A_subscription_cancelled_paused_or_moved_between_rereads_is_not_delivered_from_the_old_copy(string change)
    {
        using var bot = new BotHarness(Utc("2026-11-23T08:57Z"));
        var alice = await bot.SubscribeAsync("alice", DayOfWeek.Monday, "09:00", "UTC");
        await bot.Engine.RunOnceAsync(CancellationToken.None); // remembers the 09:00 subscription
        bot.Time.Advance(TimeSpan.FromMinutes(1));
        var sub = (await bot.Subscriptions.GetAsync(alice))!;
        switch (change)
        {
            case "unsubscribe":
                await bot.Subscriptions.DeleteAsync(alice);
                break;
            case "pause":
                await bot.Subscriptions.UpsertAsync(sub with { PausedUntil = new DateOnly(2026, 11, 24) });
                break;
            default:
                await bot.Subscriptions.UpsertAsync(sub with { Time = new TimeOnly(11, 0) });
                break;
        }

        await bot.RunForAsync(TimeSpan.FromHours(1), TimeSpan.FromSeconds(30));

        Assert.Empty(bot.Messenger.Messages);
    }

    [Fact]
    public async Task A_subscribe_command_is_planned_at_the_next_pass_without_waiting_for_a_reread()
    {
        using var bot = new BotHarness(Utc("2026-11-23T08:55Z"));
        await bot.Engine.RunOnceAsync(CancellationToken.None); // remembers an empty list at 08:55
        bot.Time.Advance(TimeSpan.FromMinutes(3));
        var reply = await bot.SendAsync("/subscribe monday 08:59 UTC");
        Assert.Equal(ReplyKind.Success, reply.Kind);

        await bot.RunForAsync(TimeSpan.FromMinutes(5), TimeSpan.FromSeconds(30));

        Assert.Equal(Utc("2026-11-23T08:59Z"), Assert.Single(bot.Messenger.Messages).At);
    }
}
