using MentorBot.Core.Dashboard;
using MentorBot.Core.Identity;
using static MentorBot.Storage.Contract.TestData;

namespace MentorBot.Storage.Contract;

public abstract class DashboardStoreContract : StorageContract
{
    private IDashboardStore Store => Stores.Dashboard;

    private static DashboardSession Session(string id, LearnerId moderator, CommunityId community, int expiresInMinutes = 480) =>
        new(id, community, moderator, "Alice <mod>", Minutes(0).ToUniversalTime(), Minutes(expiresInMinutes).ToUniversalTime());

    [Fact]
    public async Task The_first_signing_key_stored_is_the_one_every_caller_gets_even_after_a_restart()
    {
        var first = await Store.GetOrAddSigningKeyAsync([1, 2, 3]);
        var second = await Store.GetOrAddSigningKeyAsync([9, 9, 9]);
        var other = await (await Database.OpenWorkerAsync()).Dashboard.GetOrAddSigningKeyAsync([7, 7]);
        var reopened = await (await Database.ReopenAsync()).Dashboard.GetOrAddSigningKeyAsync([5]);

        Assert.Equal([1, 2, 3], first);
        Assert.Equal([1, 2, 3], second);
        Assert.Equal([1, 2, 3], other);
        Assert.Equal([1, 2, 3], reopened);
    }

    [Fact]
    public async Task Concurrent_first_callers_on_two_workers_agree_on_one_key()
    {
        var other = (await Database.OpenWorkerAsync()).Dashboard;
        var keys = await Task.WhenAll(Enumerable.Range(0, 20).Select(i =>
            Task.Run(() => (i % 2 == 0 ? Store : other).GetOrAddSigningKeyAsync([(byte)(i + 1)]))));

        Assert.Single(keys.Select(k => Convert.ToHexString(k)).Distinct());
    }

    [Fact]
    public async Task A_sign_in_link_is_used_once_even_across_workers_and_restarts()
    {
        var other = (await Database.OpenWorkerAsync()).Dashboard;

        Assert.True(await Store.TryUseSignInAsync("token-1", Minutes(10)));
        Assert.False(await other.TryUseSignInAsync("token-1", Minutes(10)));
        Assert.False(await (await Database.ReopenAsync()).Dashboard.TryUseSignInAsync("token-1", Minutes(10)));
        Assert.True(await Stores.Dashboard.TryUseSignInAsync("token-2", Minutes(10)));
    }

    [Fact]
    public async Task Concurrent_uses_of_one_link_let_exactly_one_through()
    {
        var other = (await Database.OpenWorkerAsync()).Dashboard;
        var results = await Task.WhenAll(Enumerable.Range(0, 20).Select(i =>
            Task.Run(() => (i % 2 == 0 ? Store : other).TryUseSignInAsync("race", Minutes(10)))));

        Assert.Single(results, r => r);
    }

    [Fact]
    public async Task A_session_round_trips_and_survives_a_restart()
    {
        var session = Session("abc", Alice, Guild);
        await Store.AddSessionAsync(session);

        Assert.Equal(session, await Store.GetSessionAsync("abc"));
        Assert.Equal(session, await (await Database.ReopenAsync()).Dashboard.GetSessionAsync("abc"));
        Assert.Null(await Stores.Dashboard.GetSessionAsync("abd"));
        Assert.Null(await Stores.Dashboard.GetSessionAsync(""));
    }

    [Fact]
    public async Task Removing_a_session_ends_only_that_one()
    {
        await Store.AddSessionAsync(Session("s1", Alice, Guild));
        await Store.AddSessionAsync(Session("s2", Alice, Guild));

        Assert.True(await Store.RemoveSessionAsync("s1"));
        Assert.False(await Store.RemoveSessionAsync("s1"));
        Assert.Null(await Store.GetSessionAsync("s1"));
        Assert.NotNull(await Store.GetSessionAsync("s2"));
    }

    [Fact]
    public async Task Removing_a_moderators_sessions_ends_all_of_theirs_in_every_community_and_no_one_elses()
    {
        var aliceOnSlack = new LearnerId("slack", Alice.UserId);
        await Store.AddSessionAsync(Session("a1", Alice, Guild));
        await Store.AddSessionAsync(Session("a2", Alice, new CommunityId("discord", "5678")));
        await Store.AddSessionAsync(Session("b1", Bob, Workspace));
        await Store.AddSessionAsync(Session("n1", aliceOnSlack, Workspace));

        Assert.Equal(2, await Store.RemoveSessionsAsync(Alice));

        Assert.Null(await Store.GetSessionAsync("a1"));
        Assert.Null(await Store.GetSessionAsync("a2"));
        Assert.NotNull(await Store.GetSessionAsync("b1"));
        Assert.NotNull(await Store.GetSessionAsync("n1"));
    }

    [Fact]
    public async Task Prune_deletes_expired_sessions_and_lets_expired_links_be_forgotten()
    {
        await Store.AddSessionAsync(Session("old", Alice, Guild, expiresInMinutes: 5));
        await Store.AddSessionAsync(Session("new", Alice, Guild, expiresInMinutes: 50));
        Assert.True(await Store.TryUseSignInAsync("t-old", Minutes(5)));
        Assert.True(await Store.TryUseSignInAsync("t-new", Minutes(50)));

        await Store.PruneAsync(Minutes(5));

        Assert.Null(await Store.GetSessionAsync("old"));
        Assert.NotNull(await Store.GetSessionAsync("new"));
        Assert.False(await Store.TryUseSignInAsync("t-new", Minutes(50)));
    }

    [Fact]
    public async Task The_audit_log_lists_one_communitys_entries_newest_first_with_who_what_and_when()
    {
        for (var i = 0; i < 5; i++)
            await Store.AddAuditAsync(new DashboardAuditEntry(Guild, Alice, "Alice", "action-" + i, "detail " + i, Minutes(i).ToUniversalTime()));
        await Store.AddAuditAsync(new DashboardAuditEntry(Workspace, Bob, "Bob", "sign-in", "", Minutes(9).ToUniversalTime()));
        // Two entries in the same instant keep the order they were written in.
        await Store.AddAuditAsync(new DashboardAuditEntry(Guild, Alice, "Alice", "same-1", "", Minutes(4).ToUniversalTime()));
        await Store.AddAuditAsync(new DashboardAuditEntry(Guild, Alice, "Alice", "same-2", "", Minutes(4).ToUniversalTime()));

        var entries = await (await Database.ReopenAsync()).Dashboard.ListAuditAsync(Guild, 4);

        Assert.Equal(["same-2", "same-1", "action-4", "action-3"], entries.Select(e => e.Action));
        Assert.Equal(new DashboardAuditEntry(Guild, Alice, "Alice", "action-4", "detail 4", Minutes(4).ToUniversalTime()), entries[2]);
        Assert.Equal(Minutes(4), entries[2].At);
        Assert.Single(await Stores.Dashboard.ListAuditAsync(Workspace, 100));
        Assert.Empty(await Stores.Dashboard.ListAuditAsync(new CommunityId("discord", "none"), 100));
    }
}
