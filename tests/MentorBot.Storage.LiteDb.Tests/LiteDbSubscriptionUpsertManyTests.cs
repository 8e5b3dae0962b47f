using MentorBot.Core.Storage;
using static MentorBot.Storage.Contract.TestData;
using MentorBot.Core.Subscriptions;

namespace MentorBot.Storage.LiteDb.Tests;

// UpsertManyAsync is LiteDB's own bulk seeding path (one transaction, one flush), not part of the store contract.
public sealed class LiteDbSubscriptionUpsertManyTests : IDisposable
{
    private readonly TempDatabase _db = new();
    private readonly LiteDbSubscriptionStore _store;

    public LiteDbSubscriptionUpsertManyTests() => _store = new LiteDbSubscriptionStore(_db.Context);

    public void Dispose() => _db.Dispose();

    private static Subscription Sub(Core.Identity.LearnerId learner, DateOnly? pausedUntil = null) =>
        new(learner, Guild, DayOfWeek.Sunday, new TimeOnly(18, 30), "Europe/Berlin", pausedUntil, At);

    [Fact]
    public async Task Upsert_many_writes_new_and_replaces_existing_in_one_call()
    {
        await _store.UpsertAsync(Sub(Alice, new DateOnly(2025, 4, 1)));

        var added = await _store.UpsertManyAsync([Sub(Alice) with { Day = DayOfWeek.Monday }, Sub(Bob)]);

        Assert.Equal(1, added);
        Assert.Equal([Sub(Alice) with { Day = DayOfWeek.Monday }, Sub(Bob)], (await _store.ListAllAsync()).OrderBy(s => s.Learner.UserId));
    }
}
