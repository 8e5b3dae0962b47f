using MentorBot.Core.Storage;
using static MentorBot.Storage.LiteDb.Tests.TestData;

namespace MentorBot.Storage.LiteDb.Tests;

public sealed class LiteDbSubscriptionStoreTests : IDisposable
{
    private readonly TempDatabase _db = new();
    private readonly LiteDbSubscriptionStore _store;

    public LiteDbSubscriptionStoreTests() => _store = new LiteDbSubscriptionStore(_db.Context);

    public void Dispose() => _db.Dispose();

    private static Subscription Sub(Core.Identity.LearnerId learner, DateOnly? pausedUntil = null) =>
        new(learner, Guild, DayOfWeek.Sunday, new TimeOnly(18, 30), "Europe/Berlin", pausedUntil, At);

    [Fact]
    public async Task Round_trips_with_PausedUntil_null()
    {
        var subscription = Sub(Alice);
        await _store.UpsertAsync(subscription);

        var loaded = await _store.GetAsync(Alice);

        Assert.Equal(subscription, loaded);
        Assert.Null(loaded!.PausedUntil);
        Assert.Equal(At.Offset, loaded.CreatedAt.Offset);
    }

    [Fact]
    public async Task Round_trips_with_PausedUntil_set()
    {
        var subscription = Sub(Alice, new DateOnly(2025, 12, 31)) with { Day = DayOfWeek.Saturday, Time = new TimeOnly(7, 5) };
        await _store.UpsertAsync(subscription);

        Assert.Equal(subscription, await _store.GetAsync(Alice));
    }

    [Fact]
    public async Task Time_with_seconds_is_not_truncated()
    {
        var subscription = Sub(Alice) with { Time = new TimeOnly(23, 59, 30) };
        await _store.UpsertAsync(subscription);

        Assert.Equal(subscription, await _store.GetAsync(Alice));
    }

    [Fact]
    public async Task Upsert_many_writes_new_and_replaces_existing_in_one_call()
    {
        await _store.UpsertAsync(Sub(Alice, new DateOnly(2025, 4, 1)));

        var added = await _store.UpsertManyAsync([Sub(Alice) with { Day = DayOfWeek.Monday }, Sub(Bob)]);

        Assert.Equal(1, added);
        Assert.Equal([Sub(Alice) with { Day = DayOfWeek.Monday }, Sub(Bob)], (await _store.ListAllAsync()).OrderBy(s => s.Learner.UserId));
    }

    [Fact]
    public async Task Upsert_replaces_and_can_clear_pause()
    {
        await _store.UpsertAsync(Sub(Alice, new DateOnly(2025, 4, 1)));
        await _store.UpsertAsync(Sub(Alice) with { Day = DayOfWeek.Monday });

        var loaded = await _store.GetAsync(Alice);

        Assert.NotNull(loaded);
        Assert.Null(loaded.PausedUntil);
        Assert.Equal(DayOfWeek.Monday, loaded.Day);
        Assert.Single(await _store.ListAllAsync());
    }

    [Fact]
    public async Task Delete_returns_whether_there_was_one()
    {
        await _store.UpsertAsync(Sub(Alice));

        Assert.True(await _store.DeleteAsync(Alice));
        Assert.False(await _store.DeleteAsync(Alice));
        Assert.False(await _store.DeleteAsync(Bob));
        Assert.Null(await _store.GetAsync(Alice));
    }

    [Fact]
    public async Task ListAll_returns_every_subscription()
    {
        Assert.Empty(await _store.ListAllAsync());
        await _store.UpsertAsync(Sub(Bob) with { CreatedAt = At.AddDays(1), Community = Workspace });
        await _store.UpsertAsync(Sub(Alice));

        var all = await _store.ListAllAsync();

        Assert.Equal([Alice, Bob], all.Select(s => s.Learner));
        Assert.Equal(Workspace, all[1].Community);
    }
}
