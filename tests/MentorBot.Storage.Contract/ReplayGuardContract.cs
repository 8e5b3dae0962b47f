using MentorBot.Core.Storage;
using Microsoft.Extensions.Time.Testing;

namespace MentorBot.Storage.Contract;

/// <summary>What every <see cref="IReplayGuard"/> promises, on a fake clock.</summary>
public abstract class ReplayGuardContract : IAsyncLifetime
{
    private IReplayGuard? _guard;

    protected FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 12, 2, 12, 0, 0, TimeSpan.Zero));

    protected IReplayGuard Guard => _guard ?? throw new InvalidOperationException("Created in InitializeAsync.");

    /// <summary>The guard of a host whose clock is <see cref="Time"/>, over a fresh, empty store.</summary>
    protected abstract Task<IReplayGuard> CreateGuardAsync();

    /// <summary>
    /// The guard another host on the same storage would use. LiteDB's file belongs to one host, so there it is the
    /// same guard; PostgreSQL gives a second connection pool, as a second host has.
    /// </summary>
    protected abstract Task<IReplayGuard> OpenAnotherHostAsync();

    /// <summary>How many keys the store holds now, expired ones not yet pruned included.</summary>
    protected abstract Task<long> HeldAsync();

    public async Task InitializeAsync() => _guard = await CreateGuardAsync();

    public virtual Task DisposeAsync() => Task.CompletedTask;

    private DateTimeOffset In(TimeSpan span) => Time.GetUtcNow() + span;

    [Fact]
    public async Task A_key_is_new_once_and_a_replay_until_it_expires()
    {
        Assert.True(await Guard.TryRememberAsync("slack:v0=abc", In(TimeSpan.FromMinutes(5))));
        Assert.False(await Guard.TryRememberAsync("slack:v0=abc", In(TimeSpan.FromMinutes(5))));

        Time.Advance(TimeSpan.FromMinutes(4) + TimeSpan.FromSeconds(59));
        Assert.False(await Guard.TryRememberAsync("slack:v0=abc", In(TimeSpan.FromMinutes(5))));
    }

    [Fact]
    public async Task Other_keys_are_independent()
    {
        Assert.True(await Guard.TryRememberAsync("discord:1", In(TimeSpan.FromMinutes(15))));
        Assert.True(await Guard.TryRememberAsync("discord:2", In(TimeSpan.FromMinutes(15))));
        Assert.True(await Guard.TryRememberAsync("slack:1", In(TimeSpan.FromMinutes(15))));
    }

    [Fact]
    public async Task An_expired_key_can_be_remembered_again()
    {
        Assert.True(await Guard.TryRememberAsync("discord:7", In(TimeSpan.FromMinutes(15))));

        Time.Advance(TimeSpan.FromMinutes(15));

        Assert.True(await Guard.TryRememberAsync("discord:7", In(TimeSpan.FromMinutes(15))));
        Assert.False(await Guard.TryRememberAsync("discord:7", In(TimeSpan.FromMinutes(15))));
    }

    [Fact]
    public async Task Of_many_concurrent_callers_on_two_hosts_exactly_one_remembers_a_key()
    {
        var other = await OpenAnotherHostAsync();

        var results = await Task.WhenAll(Enumerable.Range(0, 40).Select(i => Task.Run(async () =>
            await (i % 2 == 0 ? Guard : other).TryRememberAsync("discord:race", In(TimeSpan.FromMinutes(15))))));

        Assert.Equal(1, results.Count(r => r));
    }

    [Fact]
    public async Task Another_host_sees_what_one_host_remembered()
    {
        var other = await OpenAnotherHostAsync();

        Assert.True(await Guard.TryRememberAsync("slack:v0=replayed", In(TimeSpan.FromMinutes(5))));

        Assert.False(await other.TryRememberAsync("slack:v0=replayed", In(TimeSpan.FromMinutes(5))));
    }

    [Fact]
    public async Task Expired_keys_are_pruned_so_memory_is_bounded_by_time()
    {
        for (var i = 0; i < 200; i++)
            Assert.True(await Guard.TryRememberAsync("slack:" + i, In(TimeSpan.FromMinutes(5))));
        Assert.Equal(200, await HeldAsync());

        Time.Advance(TimeSpan.FromMinutes(6));
        Assert.True(await Guard.TryRememberAsync("slack:later", In(TimeSpan.FromMinutes(5))));

        Assert.Equal(1, await HeldAsync());
    }
}
