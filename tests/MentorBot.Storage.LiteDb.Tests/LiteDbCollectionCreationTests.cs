using MentorBot.Core.Storage;
using static MentorBot.Storage.Contract.TestData;
using MentorBot.Core.Streaks;
using MentorBot.Core.Subscriptions;

namespace MentorBot.Storage.LiteDb.Tests;

/// <summary>
/// LiteDB creates a collection on its first write, and a read of that collection racing the creating transaction can
/// see the new name in the shared header but an all-zero page ("LiteDB ENSURE: page type must be collection page",
/// litedb-org/LiteDB#2792). Seen once in a stress run as a Slack replay test reading subscriptions while another
/// request wrote the first one. Every collection is therefore created when the file is opened, before any request.
/// </summary>
public sealed class LiteDbCollectionCreationTests
{
    [Fact]
    public void Opening_a_new_file_creates_every_collection_the_stores_use()
    {
        using var db = new TempDatabase();

        var names = db.Context.Database.GetCollectionNames().ToHashSet(StringComparer.Ordinal);

        foreach (var expected in LiteDbContext.CollectionNames)
            Assert.Contains(expected, names);
    }

    [Fact]
    public async Task Reads_racing_the_first_write_of_each_collection_never_fail()
    {
        for (var round = 0; round < 20; round++)
        {
            using var db = new TempDatabase();
            var subscriptions = new LiteDbSubscriptionStore(db.Context);
            var activity = new LiteDbActivityStore(db.Context);
            var channels = new LiteDbDirectChannelStore(db.Context);
            using var start = new Barrier(4);
            var writing = true;

            var writer = Task.Run(async () =>
            {
                start.SignalAndWait();
                await subscriptions.UpsertAsync(new Subscription(Alice, Guild, DayOfWeek.Monday, new TimeOnly(9, 0), "UTC", null, At));
                await activity.UpsertStreakSummaryAsync(new StreakSummary(Alice, "Alice", "UTC", DateOnly.FromDateTime(At.UtcDateTime), 1, 1, 0, At));
                await channels.SetAsync(Alice, "D1");
                Volatile.Write(ref writing, false);
            });
            var readers = Enumerable.Range(0, 3).Select(_ => Task.Run(async () =>
            {
                start.SignalAndWait();
                do
                {
                    await subscriptions.GetAsync(Bob);
                    await subscriptions.ListAllAsync();
                    await activity.GetStreakSummaryAsync(Bob);
                    await channels.GetAsync(Bob);
                }
                while (Volatile.Read(ref writing));
            })).ToArray();

            await Task.WhenAll([writer, .. readers]);
        }
    }
}
