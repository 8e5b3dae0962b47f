using MentorBot.Core.Identity;
using MentorBot.Core.Storage;
using static MentorBot.Storage.Contract.TestData;

namespace MentorBot.Storage.Contract;

public abstract class DirectChannelStoreContract : StorageContract
{
    private IDirectChannelStore Store => Stores.DirectChannels;

    [Fact]
    public async Task Get_unknown_learner_returns_null()
    {
        Assert.Null(await Store.GetAsync(Bob));
    }

    [Fact]
    public async Task Set_then_get_round_trips_the_channel_id()
    {
        await Store.SetAsync(Bob, "D024BE91L");

        Assert.Equal("D024BE91L", await Store.GetAsync(Bob));
    }

    [Fact]
    public async Task Set_replaces_the_previous_channel()
    {
        await Store.SetAsync(Bob, "D0OLD");
        await Store.SetAsync(Bob, "D0NEW");

        Assert.Equal("D0NEW", await Store.GetAsync(Bob));
    }

    [Fact]
    public async Task The_key_is_the_platform_and_the_user_together()
    {
        var discordNamesake = new LearnerId("discord", Bob.UserId);
        await Store.SetAsync(Bob, "D0SLACK");
        await Store.SetAsync(discordNamesake, "1111");

        Assert.Equal("D0SLACK", await Store.GetAsync(Bob));
        Assert.Equal("1111", await Store.GetAsync(discordNamesake));
        Assert.Null(await Store.GetAsync(new LearnerId("slack", "U024BE7LI")));
    }

    [Fact]
    public async Task AStored_channel_survives_reopening_the_database()
    {
        await Store.SetAsync(Alice, "80351110224678999");

        var reopened = (await Database.ReopenAsync()).DirectChannels;

        Assert.Equal("80351110224678999", await reopened.GetAsync(Alice));
    }

    [Fact]
    public async Task A_channel_set_by_one_worker_is_seen_and_removed_by_another()
    {
        var other = (await Database.OpenWorkerAsync()).DirectChannels;
        await Store.SetAsync(Bob, "D0SHARED");

        Assert.Equal("D0SHARED", await other.GetAsync(Bob));
        Assert.True(await other.RemoveAsync(Bob, "D0SHARED"));
        Assert.Null(await Store.GetAsync(Bob));
    }

    [Fact]
    public async Task Remove_forgets_the_channel_it_names()
    {
        await Store.SetAsync(Bob, "D0GONE");

        Assert.True(await Store.RemoveAsync(Bob, "D0GONE"));
        Assert.Null(await Store.GetAsync(Bob));
        Assert.False(await Store.RemoveAsync(Bob, "D0GONE"));
    }

    [Fact]
    public async Task Remove_of_a_stale_channel_keeps_the_newer_one()
    {
        await Store.SetAsync(Bob, "D0GONE");
        await Store.SetAsync(Bob, "D0FRESH");

        Assert.False(await Store.RemoveAsync(Bob, "D0GONE"));
        Assert.Equal("D0FRESH", await Store.GetAsync(Bob));
    }

    [Theory]
    [InlineData("")]
    [InlineData("D0123456789012345678901234567890123456789012345678901234567890123")]
    public async Task Empty_or_oversized_channel_ids_are_rejected(string channelId)
    {
        await Assert.ThrowsAnyAsync<ArgumentException>(() => Store.SetAsync(Bob, channelId));
        Assert.Null(await Store.GetAsync(Bob));
    }

    [Fact]
    public async Task Concurrent_sets_for_many_learners_all_land()
    {
        var learners = Enumerable.Range(0, 200).Select(i => new LearnerId("slack", $"U{i:D5}")).ToList();

        await Task.WhenAll(learners.Select(l => Task.Run(() => Store.SetAsync(l, "D" + l.UserId[1..]))));

        foreach (var learner in learners)
            Assert.Equal("D" + learner.UserId[1..], await Store.GetAsync(learner));
    }

    [Fact]
    public async Task Concurrent_sets_are_durable_once_they_complete_and_the_last_one_per_learner_wins()
    {
        var learners = Enumerable.Range(0, 200).Select(i => new LearnerId("discord", $"{900000 + i}")).ToList();
        await Task.WhenAll(learners.Select(l => Task.Run(() => Store.SetAsync(l, "old" + l.UserId))));

        await Task.WhenAll(learners.Select(l => Task.Run(() => Store.SetAsync(l, "new" + l.UserId))));
        var reopened = (await Database.ReopenAsync()).DirectChannels;

        foreach (var learner in learners)
            Assert.Equal("new" + learner.UserId, await reopened.GetAsync(learner));
    }
}
