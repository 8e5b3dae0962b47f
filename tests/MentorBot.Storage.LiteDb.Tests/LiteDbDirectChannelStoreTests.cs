using MentorBot.Core.Identity;
using static MentorBot.Storage.LiteDb.Tests.TestData;

namespace MentorBot.Storage.LiteDb.Tests;

public sealed class LiteDbDirectChannelStoreTests : IDisposable
{
    private readonly TempDatabase _db = new();
    private readonly LiteDbDirectChannelStore _store;

    public LiteDbDirectChannelStoreTests() => _store = new LiteDbDirectChannelStore(_db.Context);

    public void Dispose() => _db.Dispose();

    [Fact]
    public async Task Get_unknown_learner_returns_null()
    {
        Assert.Null(await _store.GetAsync(Bob));
    }

    [Fact]
    public async Task Set_then_get_round_trips_the_channel_id()
    {
        await _store.SetAsync(Bob, "D024BE91L");

        Assert.Equal("D024BE91L", await _store.GetAsync(Bob));
    }

    [Fact]
    public async Task Set_replaces_the_previous_channel()
    {
        await _store.SetAsync(Bob, "D0OLD");
        await _store.SetAsync(Bob, "D0NEW");

        Assert.Equal("D0NEW", await _store.GetAsync(Bob));
    }

    [Fact]
    public async Task The_key_is_the_platform_and_the_user_together()
    {
        var discordNamesake = new LearnerId("discord", Bob.UserId);
        await _store.SetAsync(Bob, "D0SLACK");
        await _store.SetAsync(discordNamesake, "1111");

        Assert.Equal("D0SLACK", await _store.GetAsync(Bob));
        Assert.Equal("1111", await _store.GetAsync(discordNamesake));
        Assert.Null(await _store.GetAsync(new LearnerId("slack", "U024BE7LI")));
    }

    [Fact]
    public async Task A_stored_channel_survives_reopening_the_file()
    {
        await _store.SetAsync(Alice, "80351110224678999");

        var reopened = new LiteDbDirectChannelStore(_db.Reopen());

        Assert.Equal("80351110224678999", await reopened.GetAsync(Alice));
    }

    [Fact]
    public async Task Remove_forgets_the_channel_it_names()
    {
        await _store.SetAsync(Bob, "D0GONE");

        Assert.True(await _store.RemoveAsync(Bob, "D0GONE"));
        Assert.Null(await _store.GetAsync(Bob));
        Assert.False(await _store.RemoveAsync(Bob, "D0GONE"));
    }

    [Fact]
    public async Task Remove_of_a_stale_channel_keeps_the_newer_one()
    {
        await _store.SetAsync(Bob, "D0GONE");
        await _store.SetAsync(Bob, "D0FRESH");

        Assert.False(await _store.RemoveAsync(Bob, "D0GONE"));
        Assert.Equal("D0FRESH", await _store.GetAsync(Bob));
    }

    [Theory]
    [InlineData("")]
    [InlineData("D0123456789012345678901234567890123456789012345678901234567890123")]
    public async Task Empty_or_oversized_channel_ids_are_rejected(string channelId)
    {
        await Assert.ThrowsAnyAsync<ArgumentException>(() => _store.SetAsync(Bob, channelId));
        Assert.Null(await _store.GetAsync(Bob));
    }

    [Fact]
    public async Task Concurrent_sets_for_many_learners_all_land()
    {
        var learners = Enumerable.Range(0, 200).Select(i => new LearnerId("slack", $"U{i:D5}")).ToList();

        await Task.WhenAll(learners.Select(l => Task.Run(() => _store.SetAsync(l, "D" + l.UserId[1..]))));

        foreach (var learner in learners)
            Assert.Equal("D" + learner.UserId[1..], await _store.GetAsync(learner));
    }
}
