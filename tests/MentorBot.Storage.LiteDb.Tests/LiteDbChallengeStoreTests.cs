using MentorBot.Core.Storage;
using static MentorBot.Storage.LiteDb.Tests.TestData;

namespace MentorBot.Storage.LiteDb.Tests;

public sealed class LiteDbChallengeStoreTests : IDisposable
{
    private static readonly DateOnly Due = new(2025, 4, 1);

    private readonly TempDatabase _db = new();
    private readonly LiteDbChallengeStore _store;

    public LiteDbChallengeStoreTests() => _store = new LiteDbChallengeStore(_db.Context);

    public void Dispose() => _db.Dispose();

    private static Challenge New(string title, int minutes = 0, Core.Identity.CommunityId? community = null) =>
        new(0, community ?? Guild, title, "Build a *thing*.\n\n  Indented.", Due, Bob, Minutes(minutes), null);

    [Fact]
    public async Task Create_assigns_ids_1_2_3_and_ignores_given_id()
    {
        var first = await _store.CreateAsync(New("one"));
        var second = await _store.CreateAsync(New("two") with { Id = 42 });
        var third = await _store.CreateAsync(New("three", community: Workspace));

        Assert.Equal([1, 2, 3], new[] { first.Id, second.Id, third.Id });
        Assert.Null(await _store.GetAsync(42));
    }

    [Fact]
    public async Task Ids_continue_after_reopen()
    {
        await _store.CreateAsync(New("one"));
        await _store.CreateAsync(New("two"));

        var reopened = new LiteDbChallengeStore(_db.Reopen());
        var third = await reopened.CreateAsync(New("three"));

        Assert.Equal(3, third.Id);
    }

    [Fact]
    public async Task Get_round_trips_every_field()
    {
        var created = await _store.CreateAsync(New("one"));

        var loaded = await _store.GetAsync(created.Id);

        Assert.Equal(created, loaded);
        Assert.Equal(At.Offset, loaded!.PostedAt.Offset);
        Assert.Null(await _store.GetAsync(999));
    }

    [Fact]
    public async Task List_is_newest_first_per_community_and_hides_closed_unless_asked()
    {
        var old = await _store.CreateAsync(New("old", 0));
        var middle = await _store.CreateAsync(New("middle", 10));
        var newest = await _store.CreateAsync(New("newest", 20));
        await _store.CreateAsync(New("elsewhere", 30, Workspace));
        var closedAt = new DateTimeOffset(2025, 3, 20, 12, 0, 0, TimeSpan.FromHours(-7));
        Assert.True(await _store.TryCloseAsync(middle.Id, closedAt));

        var open = await _store.ListAsync(Guild, includeClosed: false);
        var all = await _store.ListAsync(Guild, includeClosed: true);

        Assert.Equal([newest.Id, old.Id], open.Select(c => c.Id));
        Assert.Equal([newest.Id, middle.Id, old.Id], all.Select(c => c.Id));
        var closed = all.Single(c => c.Id == middle.Id);
        Assert.Equal(closedAt, closed.ClosedAt);
        Assert.Equal(closedAt.Offset, closed.ClosedAt!.Value.Offset);
        Assert.Empty(await _store.ListAsync(new Core.Identity.CommunityId("console", "local"), includeClosed: true));
    }

    [Fact]
    public async Task Close_twice_is_false_the_second_time_and_keeps_first_time()
    {
        var challenge = await _store.CreateAsync(New("one"));

        Assert.True(await _store.TryCloseAsync(challenge.Id, Minutes(60)));
        Assert.False(await _store.TryCloseAsync(challenge.Id, Minutes(120)));
        Assert.False(await _store.TryCloseAsync(999, Minutes(60)));

        var loaded = await _store.GetAsync(challenge.Id);
        Assert.Equal(Minutes(60), loaded!.ClosedAt);
    }

    [Fact]
    public async Task Parallel_closes_succeed_exactly_once()
    {
        var challenge = await _store.CreateAsync(New("one"));

        var results = await Task.WhenAll(Enumerable.Range(0, 32)
            .Select(i => Task.Run(() => _store.TryCloseAsync(challenge.Id, Minutes(i)))));

        Assert.Equal(1, results.Count(r => r));
    }

    [Fact]
    public async Task Created_already_closed_round_trips()
    {
        var created = await _store.CreateAsync(New("closed") with { ClosedAt = Minutes(5) });

        Assert.Equal(Minutes(5), (await _store.GetAsync(created.Id))!.ClosedAt);
        Assert.False(await _store.TryCloseAsync(created.Id, Minutes(6)));
    }

    [Fact]
    public async Task Submission_upsert_replaces_per_learner_and_lists_oldest_first()
    {
        var one = await _store.CreateAsync(New("one"));
        var two = await _store.CreateAsync(New("two"));

        await _store.UpsertSubmissionAsync(new ChallengeSubmission(one.Id, Alice, "Alice", "https://a/1", Minutes(1)));
        await _store.UpsertSubmissionAsync(new ChallengeSubmission(one.Id, Bob, "Bob", "https://b/1", Minutes(2)));
        await _store.UpsertSubmissionAsync(new ChallengeSubmission(two.Id, Alice, "Alice", "https://a/other", Minutes(3)));
        var replacement = new ChallengeSubmission(one.Id, Alice, "Alice A.", "https://a/2", Minutes(4));
        await _store.UpsertSubmissionAsync(replacement);

        var list = await _store.ListSubmissionsAsync(one.Id);

        Assert.Equal([Bob, Alice], list.Select(s => s.Learner));
        Assert.Equal(replacement, list[1]);
        Assert.Equal(At.Offset, list[1].SubmittedAt.Offset);
        Assert.Single(await _store.ListSubmissionsAsync(two.Id));
        Assert.Empty(await _store.ListSubmissionsAsync(999));
    }
}
