using MentorBot.Core.Storage;
using static MentorBot.Storage.Contract.TestData;
using MentorBot.Core.Challenges;

namespace MentorBot.Storage.Contract;

public abstract class ChallengeStoreContract : StorageContract
{
    private static readonly DateOnly Due = new(2025, 4, 1);

    private IChallengeStore Store => Stores.Challenges;

    private static Challenge New(string title, int minutes = 0, Core.Identity.CommunityId? community = null) =>
        new(0, community ?? Guild, title, "Build a *thing*.\n\n  Indented.", Due, Bob, Minutes(minutes), null);

    [Fact]
    public async Task Create_assigns_ids_1_2_3_and_ignores_given_id()
    {
        var first = await Store.CreateAsync(New("one"));
        var second = await Store.CreateAsync(New("two") with { Id = 42 });
        var third = await Store.CreateAsync(New("three", community: Workspace));

        Assert.Equal([1, 2, 3], new[] { first.Id, second.Id, third.Id });
        Assert.Null(await Store.GetAsync(42));
    }

    [Fact]
    public async Task Ids_continue_after_reopen()
    {
        await Store.CreateAsync(New("one"));
        await Store.CreateAsync(New("two"));

        var reopened = (await Database.ReopenAsync()).Challenges;
        var third = await reopened.CreateAsync(New("three"));

        Assert.Equal(3, third.Id);
    }

    [Fact]
    public async Task Get_round_trips_every_field()
    {
        var created = await Store.CreateAsync(New("one"));

        var loaded = await Store.GetAsync(created.Id);

        Assert.Equal(created, loaded);
        Assert.Equal(At.Offset, loaded!.PostedAt.Offset);
        Assert.Null(await Store.GetAsync(999));
    }

    [Fact]
    public async Task List_is_newest_first_per_community_and_hides_closed_unless_asked()
    {
        var old = await Store.CreateAsync(New("old", 0));
        var middle = await Store.CreateAsync(New("middle", 10));
        var newest = await Store.CreateAsync(New("newest", 20));
        await Store.CreateAsync(New("elsewhere", 30, Workspace));
        var closedAt = new DateTimeOffset(2025, 3, 20, 12, 0, 0, TimeSpan.FromHours(-7));
        Assert.True(await Store.TryCloseAsync(middle.Id, closedAt));

        var open = await Store.ListAsync(Guild, includeClosed: false);
        var all = await Store.ListAsync(Guild, includeClosed: true);

        Assert.Equal([newest.Id, old.Id], open.Select(c => c.Id));
        Assert.Equal([newest.Id, middle.Id, old.Id], all.Select(c => c.Id));
        var closed = all.Single(c => c.Id == middle.Id);
        Assert.Equal(closedAt, closed.ClosedAt);
        Assert.Equal(closedAt.Offset, closed.ClosedAt!.Value.Offset);
        Assert.Empty(await Store.ListAsync(new Core.Identity.CommunityId("console", "local"), includeClosed: true));
    }

    [Fact]
    public async Task Close_twice_is_false_the_second_time_and_keeps_first_time()
    {
        var challenge = await Store.CreateAsync(New("one"));

        Assert.True(await Store.TryCloseAsync(challenge.Id, Minutes(60)));
        Assert.False(await Store.TryCloseAsync(challenge.Id, Minutes(120)));
        Assert.False(await Store.TryCloseAsync(999, Minutes(60)));

        var loaded = await Store.GetAsync(challenge.Id);
        Assert.Equal(Minutes(60), loaded!.ClosedAt);
    }

    [Fact]
    public async Task Parallel_closes_succeed_exactly_once()
    {
        var challenge = await Store.CreateAsync(New("one"));

        var results = await Task.WhenAll(Enumerable.Range(0, 32)
            .Select(i => Task.Run(() => Store.TryCloseAsync(challenge.Id, Minutes(i)))));

        Assert.Equal(1, results.Count(r => r));
    }

    [Fact]
    public async Task Created_already_closed_round_trips()
    {
        var created = await Store.CreateAsync(New("closed") with { ClosedAt = Minutes(5) });

        Assert.Equal(Minutes(5), (await Store.GetAsync(created.Id))!.ClosedAt);
        Assert.False(await Store.TryCloseAsync(created.Id, Minutes(6)));
    }

    [Fact]
    public async Task Submission_upsert_replaces_per_learner_and_lists_oldest_first()
    {
        var one = await Store.CreateAsync(New("one"));
        var two = await Store.CreateAsync(New("two"));

        Assert.Equal(SubmissionOutcome.Added, await Store.UpsertSubmissionAsync(new ChallengeSubmission(one.Id, Alice, "Alice", "https://a/1", Minutes(1))));
        Assert.Equal(SubmissionOutcome.Added, await Store.UpsertSubmissionAsync(new ChallengeSubmission(one.Id, Bob, "Bob", "https://b/1", Minutes(2))));
        Assert.Equal(SubmissionOutcome.Added, await Store.UpsertSubmissionAsync(new ChallengeSubmission(two.Id, Alice, "Alice", "https://a/other", Minutes(3))));
        var replacement = new ChallengeSubmission(one.Id, Alice, "Alice A.", "https://a/2", Minutes(4));
        Assert.Equal(SubmissionOutcome.Replaced, await Store.UpsertSubmissionAsync(replacement));

        var list = await Store.ListSubmissionsAsync(one.Id);

        Assert.Equal([Bob, Alice], list.Select(s => s.Learner));
        Assert.Equal(replacement, list[1]);
        Assert.Equal(At.Offset, list[1].SubmittedAt.Offset);
        Assert.Single(await Store.ListSubmissionsAsync(two.Id));
        Assert.Empty(await Store.ListSubmissionsAsync(999));
    }

    [Fact]
    public async Task Submissions_to_a_closed_or_missing_challenge_are_refused_and_change_nothing()
    {
        var challenge = await Store.CreateAsync(New("one"));
        var before = new ChallengeSubmission(challenge.Id, Alice, "Alice", "https://a/1", Minutes(1));
        await Store.UpsertSubmissionAsync(before);
        Assert.True(await Store.TryCloseAsync(challenge.Id, Minutes(2)));

        Assert.Equal(SubmissionOutcome.ChallengeClosed,
            await Store.UpsertSubmissionAsync(new ChallengeSubmission(challenge.Id, Alice, "Alice", "https://a/late", Minutes(3))));
        Assert.Equal(SubmissionOutcome.ChallengeClosed,
            await Store.UpsertSubmissionAsync(new ChallengeSubmission(challenge.Id, Bob, "Bob", "https://b/late", Minutes(3))));
        Assert.Equal(SubmissionOutcome.ChallengeMissing,
            await Store.UpsertSubmissionAsync(new ChallengeSubmission(999, Bob, "Bob", "https://b/1", Minutes(3))));

        Assert.Equal([before], await Store.ListSubmissionsAsync(challenge.Id));
        Assert.Empty(await Store.ListSubmissionsAsync(999));
    }
}
