using MentorBot.Core.Identity;
using MentorBot.Core.Storage;
using static MentorBot.Storage.Contract.TestData;
using MentorBot.Core.Learners;

namespace MentorBot.Storage.Contract;

public abstract class LearnerStoreContract : StorageContract
{
    private ILearnerStore Store => Stores.Learners;

    private static LearnerProfile Profile(LearnerId id, int week = 1, params CommunityId[] communities) =>
        new(id, " Alice  Ω ", "Asia/Kolkata", week, communities, At);

    [Fact]
    public async Task Get_missing_returns_null()
    {
        Assert.Null(await Store.GetAsync(Alice));
    }

    [Fact]
    public async Task Upsert_then_get_round_trips_every_field()
    {
        var profile = Profile(Alice, 3, Guild, Workspace);
        await Store.UpsertAsync(profile);

        var loaded = await Store.GetAsync(Alice);

        Assert.NotNull(loaded);
        Assert.Equal(profile.Id, loaded.Id);
        Assert.Equal(profile.DisplayName, loaded.DisplayName);
        Assert.Equal(profile.TimeZoneId, loaded.TimeZoneId);
        Assert.Equal(3, loaded.CurrentWeek);
        Assert.Equal([Guild, Workspace], loaded.Communities);
        Assert.Equal(At, loaded.CreatedAt);
        Assert.Equal(At.Offset, loaded.CreatedAt.Offset);
        Assert.Equal(At.Ticks, loaded.CreatedAt.Ticks);
    }

    [Fact]
    public async Task Upsert_replaces_existing_profile()
    {
        await Store.UpsertAsync(Profile(Alice, 1, Guild));
        await Store.UpsertAsync(Profile(Alice, 4, Workspace) with { DisplayName = "Alice B" });

        var loaded = await Store.GetAsync(Alice);

        Assert.NotNull(loaded);
        Assert.Equal("Alice B", loaded.DisplayName);
        Assert.Equal(4, loaded.CurrentWeek);
        Assert.Equal([Workspace], loaded.Communities);
    }

    [Fact]
    public async Task Empty_communities_round_trip()
    {
        await Store.UpsertAsync(Profile(Alice));
        var loaded = await Store.GetAsync(Alice);
        Assert.NotNull(loaded);
        Assert.Empty(loaded.Communities);
    }

    [Fact]
    public async Task TryAdvanceWeek_moves_only_from_expected_week()
    {
        await Store.UpsertAsync(Profile(Alice, 2));

        Assert.False(await Store.TryAdvanceWeekAsync(Alice, 1, 2));
        Assert.True(await Store.TryAdvanceWeekAsync(Alice, 2, 3));
        Assert.False(await Store.TryAdvanceWeekAsync(Alice, 2, 3));

        var loaded = await Store.GetAsync(Alice);
        Assert.NotNull(loaded);
        Assert.Equal(3, loaded.CurrentWeek);
        Assert.Equal(" Alice  Ω ", loaded.DisplayName);
    }

    [Fact]
    public async Task TryAdvanceWeek_of_unknown_learner_is_false()
    {
        Assert.False(await Store.TryAdvanceWeekAsync(Bob, 1, 2));
        Assert.Null(await Store.GetAsync(Bob));
    }

    [Fact]
    public async Task ListByCommunity_returns_members_only()
    {
        var carol = new LearnerId("discord", "carol");
        await Store.UpsertAsync(Profile(Alice, 1, Guild, Workspace));
        await Store.UpsertAsync(Profile(Bob, 1, Workspace));
        await Store.UpsertAsync(Profile(carol, 1, Guild) with { CreatedAt = At.AddDays(1) });

        var guild = await Store.ListByCommunityAsync(Guild);
        var workspace = await Store.ListByCommunityAsync(Workspace);
        var none = await Store.ListByCommunityAsync(new CommunityId("console", "local"));

        Assert.Equal([Alice, carol], guild.Select(p => p.Id));
        Assert.Equal([Alice, Bob], workspace.Select(p => p.Id).OrderBy(id => id.ToString(), StringComparer.Ordinal));
        Assert.Empty(none);
    }

    [Fact]
    public async Task ListByCommunity_follows_upsert_that_leaves_community()
    {
        await Store.UpsertAsync(Profile(Alice, 1, Guild));
        await Store.UpsertAsync(Profile(Alice, 1, Workspace));

        Assert.Empty(await Store.ListByCommunityAsync(Guild));
        Assert.Single(await Store.ListByCommunityAsync(Workspace));
    }

    [Fact]
    public async Task Profiles_survive_reopen()
    {
        await Store.UpsertAsync(Profile(Alice, 5, Guild));

        var reopened = (await Database.ReopenAsync()).Learners;
        var loaded = await reopened.GetAsync(Alice);

        Assert.NotNull(loaded);
        Assert.Equal(5, loaded.CurrentWeek);
        Assert.Equal(At, loaded.CreatedAt);
        Assert.Single(await reopened.ListByCommunityAsync(Guild));
    }
}
