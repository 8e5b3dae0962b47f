using MentorBot.Discord.Gateway;
using MentorBot.Testing.Time;

namespace MentorBot.Discord.Tests.Gateway;

public sealed class InProcessIdentifyGateTests
{
    // A waiter released by the previous turn reads the clock on a pool thread and then arms its delay. Moving the clock
    // before that delay is armed pushed it past the test's last Advance, and the test waited forever (a hung CI run):
    // each test waits for the delay to be armed before it moves the clock, and no turn is awaited without a deadline.
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(10);
    private readonly WatchedTimeProvider _time = new(DateTimeOffset.Parse("2026-01-05T10:00:00Z", System.Globalization.CultureInfo.InvariantCulture));

    [Fact]
    public async Task One_bucket_hands_out_one_turn_per_interval_in_order()
    {
        var gate = new InProcessIdentifyGate(_time);
        Assert.True(gate.Interval >= TimeSpan.FromSeconds(5), "Discord's window is 5 s per bucket");

        var first = gate.WaitTurnAsync(0, CancellationToken.None).AsTask();
        var second = gate.WaitTurnAsync(0, CancellationToken.None).AsTask();
        var third = gate.WaitTurnAsync(0, CancellationToken.None).AsTask();

        Assert.True(first.IsCompleted, "the first turn is immediate");
        await (await first).DisposeAsync();
        await _time.WaitForTimerAsync(gate.Interval);
        Assert.False(second.IsCompleted);
        _time.Advance(gate.Interval - TimeSpan.FromMilliseconds(1));
        Assert.False(second.IsCompleted, "not a millisecond early");
        _time.Advance(TimeSpan.FromMilliseconds(1));
        await (await second.WaitAsync(Deadline)).DisposeAsync();
        await _time.WaitForTimerAsync(gate.Interval);
        Assert.False(third.IsCompleted, "callers queue: the third waits for the second's interval");
        _time.Advance(gate.Interval);
        await (await third.WaitAsync(Deadline)).DisposeAsync();
    }

    [Fact]
    public async Task The_next_turn_counts_from_the_send_not_from_the_grant()
    {
        // The cause of a CI failure: on a busy machine a host got its turn, sent its Identify late, and the next host's
        // turn, counted from the first grant, put the two Identifies less than 5 s apart at Discord.
        var gate = new InProcessIdentifyGate(_time);
        var first = await gate.WaitTurnAsync(0, CancellationToken.None);
        var second = gate.WaitTurnAsync(0, CancellationToken.None).AsTask();

        _time.Advance(TimeSpan.FromSeconds(3));
        Assert.False(second.IsCompleted, "the turn is held until the Identify is sent");
        await first.DisposeAsync();
        await _time.WaitForTimerAsync(gate.Interval);
        _time.Advance(gate.Interval - TimeSpan.FromMilliseconds(1));
        Assert.False(second.IsCompleted, "a full interval after the send, not after the grant");
        _time.Advance(TimeSpan.FromMilliseconds(1));
        await (await second.WaitAsync(Deadline)).DisposeAsync();
    }

    [Fact]
    public async Task A_cancelled_wait_gives_up_its_place_without_ending_anyone_elses_turn()
    {
        var gate = new InProcessIdentifyGate(_time);
        var first = await gate.WaitTurnAsync(0, CancellationToken.None);
        using var cancel = new CancellationTokenSource();
        var cancelled = gate.WaitTurnAsync(0, cancel.Token).AsTask();
        var third = gate.WaitTurnAsync(0, CancellationToken.None).AsTask();

        await cancel.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => cancelled);
        Assert.False(third.IsCompleted, "the first turn is still held");
        await first.DisposeAsync();
        await _time.WaitForTimerAsync(gate.Interval);
        _time.Advance(gate.Interval);
        await (await third.WaitAsync(Deadline)).DisposeAsync();
    }

    [Fact]
    public async Task Different_buckets_do_not_wait_for_each_other()
    {
        var gate = new InProcessIdentifyGate(_time);

        await (await gate.WaitTurnAsync(0, CancellationToken.None)).DisposeAsync();
        var second = gate.WaitTurnAsync(1, CancellationToken.None).AsTask();
        var third = gate.WaitTurnAsync(0, CancellationToken.None).AsTask();

        Assert.True(second.IsCompleted, "bucket 1 has not identified yet");
        Assert.False(third.IsCompleted, "bucket 0 just identified");
        _time.Advance(gate.Interval - TimeSpan.FromMilliseconds(1));
        Assert.False(third.IsCompleted);
        _time.Advance(TimeSpan.FromMilliseconds(1));
        await (await third.WaitAsync(Deadline)).DisposeAsync();
    }

    [Fact]
    public async Task A_bucket_idle_for_longer_than_the_interval_goes_at_once()
    {
        var gate = new InProcessIdentifyGate(_time);
        await (await gate.WaitTurnAsync(0, CancellationToken.None)).DisposeAsync();
        _time.Advance(TimeSpan.FromMinutes(1));

        Assert.True(gate.WaitTurnAsync(0, CancellationToken.None).AsTask().IsCompleted);
    }

    [Theory]
    [InlineData(0, 1, 0)]
    [InlineData(5, 4, 1)]
    [InlineData(7, 16, 7)]
    public void Identify_bucket_is_shard_id_modulo_max_concurrency(int shardId, int maxConcurrency, int bucket) =>
        Assert.Equal(bucket, new ShardInfo(shardId, 32).RateLimitKey(maxConcurrency));

    [Fact]
    public void The_fakes_guild_routing_follows_discords_formula()
    {
        // (guild_id >> 22) % num_shards, with the guild id of Discord's sharding example. The bot itself never routes:
        // Discord does, and the sharding tests rely on the fake doing it the same way.
        Assert.Equal(0, FakeDiscord.ShardOfGuild(41771983423143937UL, 1));
        Assert.Equal((int)((41771983423143937UL >> 22) % 4), FakeDiscord.ShardOfGuild(41771983423143937UL, 4));
        Assert.Equal(3, FakeDiscord.ShardOfGuild(ulong.Parse(FakeDiscord.GuildOnShard(3, 4), System.Globalization.CultureInfo.InvariantCulture), 4));
    }
}
