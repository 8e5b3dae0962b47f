using LiteDB;
using MentorBot.Core.Delivery;
using static MentorBot.Storage.Contract.TestData;

namespace MentorBot.Storage.LiteDb.Tests;

/// <summary>What only the single-process LiteDB outbox does: claims die with the process, and schema 1 files upgrade.</summary>
public sealed class LiteDbDeliveryClaimTests : IDisposable
{
    private static readonly TimeSpan Lease = TimeSpan.FromMinutes(2);

    private readonly TempDatabase _db = new();

    public void Dispose() => _db.Dispose();

    private static DeliveryRecord Record(string week) => new(
        DeliveryKeys.For(Alice, week), Alice, Guild, Minutes(0), week, 1, DeliveryKind.Task, DeliveryRecordStatus.Pending, 0, Minutes(0), Minutes(0), null, null);

    [Fact]
    public async Task Claims_left_in_the_file_by_a_dead_process_are_released_when_it_is_opened_again()
    {
        var record = Record("2026-W48");
        await new LiteDbDeliveryOutbox(_db.Context).TryEnqueueAsync(record);
        Assert.Single(await new LiteDbDeliveryOutbox(_db.Context).ClaimDueAsync("dead-host", Minutes(0), Lease, 10));

        var outbox = new LiteDbDeliveryOutbox(_db.Reopen());

        // Well inside the dead host's lease, and the claim count says it may have sent the message before it died.
        var taken = Assert.Single(await outbox.ClaimDueAsync("new-host", Minutes(1), Lease, 10));
        Assert.Equal(("new-host", 2), (taken.ClaimedBy, taken.Claims));
        Assert.False(await outbox.MarkSentAsync("dead-host", record.Key, Minutes(1)));
    }

    [Fact]
    public async Task A_schema_1_file_gets_claimable_deliveries_on_upgrade()
    {
        var pending = Record("2026-W48");
        var sent = Record("2026-W47");
        var path = _db.DatabasePath;
        _db.Context.Dispose();
        File.Delete(path);
        using (var raw = new LiteDatabase(new ConnectionString { Filename = path, Connection = ConnectionType.Direct }))
        {
            raw.GetCollection(LiteDbContext.MetaCollection).Upsert(new BsonDocument { ["_id"] = LiteDbContext.SchemaDocumentId, ["Version"] = 1 });
            var deliveries = raw.GetCollection(LiteDbDeliveryOutbox.DeliveriesCollection);
            foreach (var (record, status) in new[] { (pending, "Pending"), (sent, "Sent") })
            {
                deliveries.Insert(new BsonDocument
                {
                    ["_id"] = record.Key, ["Learner"] = record.Learner.ToString(), ["Community"] = record.Community.ToString(),
                    ["SlotUtcTicks"] = record.SlotUtc.UtcTicks, ["LocalWeek"] = record.LocalWeek, ["RoadmapWeek"] = 1, ["Kind"] = "Task",
                    ["Status"] = status, ["Attempts"] = 0, ["CreatedAtUtcTicks"] = record.CreatedAt.UtcTicks,
                    ["NextAttemptAtUtcTicks"] = record.NextAttemptAt.UtcTicks,
                });
            }
        }

        var outbox = new LiteDbDeliveryOutbox(_db.Reopen());

        Assert.Equal(LiteDbContext.CurrentSchemaVersion, _db.Context.SchemaVersion);
        Assert.Equal([pending.Key], (await outbox.ClaimDueAsync("host", Minutes(1), Lease, 10)).Select(r => r.Key));
    }
}
