using MentorBot.Core.Storage;
using static MentorBot.Storage.Contract.TestData;
using MentorBot.Core.Subscriptions;

namespace MentorBot.Storage.Contract;

public abstract class SubscriptionStoreContract : StorageContract
{
    private ISubscriptionStore Store => Stores.Subscriptions;
    private static Subscription Sub(Core.Identity.LearnerId learner, DateOnly? pausedUntil = null) =>
        new(learner, Guild, DayOfWeek.Sunday, new TimeOnly(18, 30), "Europe/Berlin", pausedUntil, At);

    [Fact]
    public async Task Round_trips_with_PausedUntil_null()
    {
        var subscription = Sub(Alice);
        await Store.UpsertAsync(subscription);

        var loaded = await Store.GetAsync(Alice);

        Assert.Equal(subscription, loaded);
        Assert.Null(loaded!.PausedUntil);
        Assert.Equal(At.Offset, loaded.CreatedAt.Offset);
    }

    [Fact]
    public async Task Round_trips_with_PausedUntil_set()
    {
        var subscription = Sub(Alice, new DateOnly(2025, 12, 31)) with { Day = DayOfWeek.Saturday, Time = new TimeOnly(7, 5) };
        await Store.UpsertAsync(subscription);

        Assert.Equal(subscription, await Store.GetAsync(Alice));
    }

    [Fact]
    public async Task Time_with_seconds_is_not_truncated()
    {
        var subscription = Sub(Alice) with { Time = new TimeOnly(23, 59, 30) };
        await Store.UpsertAsync(subscription);

        Assert.Equal(subscription, await Store.GetAsync(Alice));
    }

    [Fact]
    public async Task Upsert_replaces_and_can_clear_pause()
    {
        await Store.UpsertAsync(Sub(Alice, new DateOnly(2025, 4, 1)));
        await Store.UpsertAsync(Sub(Alice) with { Day = DayOfWeek.Monday });

        var loaded = await Store.GetAsync(Alice);

        Assert.NotNull(loaded);
        Assert.Null(loaded.PausedUntil);
        Assert.Equal(DayOfWeek.Monday, loaded.Day);
        Assert.Single(await Store.ListAllAsync());
    }

    [Fact]
    public async Task Delete_returns_whether_there_was_one()
    {
        await Store.UpsertAsync(Sub(Alice));

        Assert.True(await Store.DeleteAsync(Alice));
        Assert.False(await Store.DeleteAsync(Alice));
        Assert.False(await Store.DeleteAsync(Bob));
        Assert.Null(await Store.GetAsync(Alice));
    }

    [Fact]
    public async Task ListAll_returns_every_subscription()
    {
        Assert.Empty(await Store.ListAllAsync());
        await Store.UpsertAsync(Sub(Bob) with { CreatedAt = At.AddDays(1), Community = Workspace });
        await Store.UpsertAsync(Sub(Alice));

        var all = await Store.ListAllAsync();

        Assert.Equal([Alice, Bob], all.Select(s => s.Learner));
        Assert.Equal(Workspace, all[1].Community);
    }
}
