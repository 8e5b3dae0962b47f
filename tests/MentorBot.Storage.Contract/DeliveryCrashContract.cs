using MentorBot.Core.Delivery;
using MentorBot.Core.Tests.Fakes;
using Microsoft.Extensions.Time.Testing;

namespace MentorBot.Storage.Contract;

/// <summary>Exactly once per learner and week through crashes, on a real database.</summary>
public abstract class DeliveryCrashContract : StorageContract
{
    private static readonly DateTimeOffset Monday0859 = new(2026, 11, 23, 8, 59, 0, TimeSpan.Zero);

    private readonly FakeTimeProvider _time = new(Monday0859);
    private readonly RecordingMessenger _platform;

    protected DeliveryCrashContract() => _platform = new RecordingMessenger("discord", _time);

    /// <summary>A (re)started host: the previous one's handle is closed, as if its process died.</summary>
    private async Task<DeliveryRig> StartAsync() => new(await Database.ReopenAsync(), _time, _platform);

    [Fact]
    public async Task A_crash_between_enqueue_and_send_loses_nothing()
    {
        using (var first = await StartAsync())
        {
            await first.SubscribeAsync("alice", DayOfWeek.Monday, "09:00", "Europe/London", Monday0859);
            await first.SubscribeAsync("bob", DayOfWeek.Monday, "09:00", "Europe/London", Monday0859);
            _time.Advance(TimeSpan.FromMinutes(1));
            Assert.Equal(2, await first.Engine.PlanAsync(_time.GetUtcNow(), CancellationToken.None));
            // Crash: the process dies before sending anything.
        }
        Assert.Empty(_platform.Messages);

        _time.Advance(TimeSpan.FromMinutes(3));
        using var second = await StartAsync();
        await second.Engine.RunOnceAsync(CancellationToken.None);

        Assert.Equal(["alice", "bob"], _platform.Messages.Select(m => m.Learner.UserId).Order());
        Assert.Equal(0, _platform.DuplicateSendsAbsorbed);
        Assert.Empty(await second.Outbox.ListPendingAsync(_time.GetUtcNow().AddDays(30)));
    }

    [Fact]
    public async Task A_crash_between_send_and_mark_is_resent_with_the_same_key_and_not_duplicated()
    {
        using var crash = new CancellationTokenSource();
        using (var first = await StartAsync())
        {
            await first.SubscribeAsync("alice", DayOfWeek.Monday, "09:00", "UTC", Monday0859);
            _time.Advance(TimeSpan.FromMinutes(1));
            // The platform confirms, then the process dies before the outbox hears about it.
            _platform.AfterDeliver = _ =>
            {
                crash.Cancel();
                crash.Token.ThrowIfCancellationRequested();
            };
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => first.Engine.RunOnceAsync(crash.Token));
            Assert.Equal(DeliveryRecordStatus.Pending, (await first.Outbox.FindLatestAsync(_platform.Messages[0].Learner))!.Status);
        }
        _platform.AfterDeliver = null;

        _time.Advance(TimeSpan.FromMinutes(1));
        using var second = await StartAsync();
        await second.Engine.RunOnceAsync(CancellationToken.None);

        var message = Assert.Single(_platform.Messages);
        Assert.Equal("discord:alice|2026-W48", message.Key);
        Assert.Equal(["discord:alice|2026-W48", "discord:alice|2026-W48"], _platform.AttemptKeys);
        Assert.Equal(1, _platform.DuplicateSendsAbsorbed);
        Assert.Equal(DeliveryRecordStatus.Sent, (await second.Outbox.GetAsync(message.Key!))!.Status);
    }

    [Fact]
    public async Task A_crash_in_the_middle_of_a_large_run_neither_loses_nor_duplicates()
    {
        const int learners = 300;
        using var crash = new CancellationTokenSource();
        using (var first = await StartAsync())
        {
            for (var i = 0; i < learners; i++)
                await first.SubscribeAsync($"u{i:D3}", DayOfWeek.Monday, "09:00", i % 2 == 0 ? "UTC" : "Africa/Abidjan", Monday0859);
            _time.Advance(TimeSpan.FromMinutes(1));
            var delivered = 0;
            _platform.AfterDeliver = _ =>
            {
                if (++delivered == 117)
                {
                    crash.Cancel();
                    crash.Token.ThrowIfCancellationRequested();
                }
            };
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => first.Engine.RunOnceAsync(crash.Token));
        }
        _platform.AfterDeliver = null;
        Assert.Equal(117, _platform.Messages.Count);

        // Restarted a little later, and run on for the rest of the week.
        _time.Advance(TimeSpan.FromMinutes(10));
        using var second = await StartAsync();
        for (var tick = 0; tick < 7 * 24; tick++)
        {
            await second.Engine.RunOnceAsync(CancellationToken.None);
            _time.Advance(TimeSpan.FromHours(1));
        }

        Assert.Equal(learners, _platform.Messages.Count);
        Assert.Equal(learners, _platform.Messages.Select(m => m.Learner).Distinct().Count());
        Assert.Equal(1, _platform.DuplicateSendsAbsorbed);
    }

    [Fact]
    public async Task A_restart_after_a_long_outage_catches_up_recent_slots_and_skips_old_ones()
    {
        using (var first = await StartAsync())
        {
            await first.SubscribeAsync("early", DayOfWeek.Monday, "10:00", "UTC", Monday0859);
            await first.SubscribeAsync("late", DayOfWeek.Tuesday, "08:00", "UTC", Monday0859);
            await first.Engine.RunOnceAsync(CancellationToken.None);
        }

        _time.Advance(TimeSpan.FromHours(36)); // down until Tuesday 20:59
        using var second = await StartAsync();
        await second.Engine.RunOnceAsync(CancellationToken.None);

        Assert.Equal(["late"], _platform.Messages.Select(m => m.Learner.UserId));
        var skipped = await second.Outbox.GetAsync("discord:early|2026-W48");
        Assert.Equal(DeliveryRecordStatus.Skipped, skipped!.Status);
    }

    [Fact]
    public async Task Passes_between_subscription_rereads_still_deliver_stored_subscriptions()
    {
        using var rig = await StartAsync();
        await rig.SubscribeAsync("alice", DayOfWeek.Monday, "09:01", "Europe/Lisbon", Monday0859);
        await rig.SubscribeAsync("bob", DayOfWeek.Monday, "09:02", "UTC", Monday0859);

        // 30-second passes: all but the first plan from the remembered list and check each slot against the file.
        for (var pass = 0; pass < 20; pass++)
        {
            await rig.Engine.RunOnceAsync(CancellationToken.None);
            _time.Advance(TimeSpan.FromSeconds(30));
        }

        Assert.Equal(["alice", "bob"], _platform.Messages.Select(m => m.Learner.UserId));
        Assert.Equal([Monday0859.AddMinutes(2), Monday0859.AddMinutes(3)], _platform.Messages.Select(m => m.At));
    }
}
