using LiteDB;
using MentorBot.Core.Storage;
using static MentorBot.Storage.Contract.TestData;
using MentorBot.Core.Learners;
using MentorBot.Core.Streaks;

namespace MentorBot.Storage.LiteDb.Tests;

public sealed class LiteDbContextTests : IDisposable
{
    private readonly TempDatabase _db = new();

    public void Dispose() => _db.Dispose();

    [Fact]
    public void Creates_missing_directory_and_file()
    {
        Assert.True(File.Exists(_db.DatabasePath));
        Assert.Equal(Path.GetFullPath(_db.DatabasePath), _db.Context.DatabasePath);
    }

    [Fact]
    public async Task A_second_context_on_an_open_file_is_refused_and_the_first_keeps_working()
    {
        var learners = new LiteDbLearnerStore(_db.Context);
        await learners.UpsertAsync(new LearnerProfile(Alice, "Alice", "UTC", 1, [Guild], At));

        var refused = Assert.Throws<LiteDbFileInUseException>(() => _db.Open());

        Assert.Contains($"another MentorBot process holds the LiteDB file '{_db.Context.DatabasePath}'", refused.Message, StringComparison.Ordinal);
        Assert.Equal(_db.Context.DatabasePath + ".lock", refused.LockPath);
        Assert.DoesNotContain('\n', refused.Message);
        Assert.NotNull(await learners.GetAsync(Alice));
        await learners.UpsertAsync(new LearnerProfile(Bob, "Bob", "UTC", 1, [Guild], At));

        // Closing the holder lets the next one in, with everything the holder wrote.
        var reopened = new LiteDbLearnerStore(_db.Reopen());
        Assert.NotNull(await reopened.GetAsync(Alice));
        Assert.NotNull(await reopened.GetAsync(Bob));
    }

    [Fact]
    public void Schema_version_is_written_to_meta()
    {
        Assert.Equal(LiteDbContext.CurrentSchemaVersion, _db.Context.SchemaVersion);
        var meta = _db.Context.Database.GetCollection(LiteDbContext.MetaCollection).FindById(LiteDbContext.SchemaDocumentId);
        Assert.NotNull(meta);
        Assert.Equal(LiteDbContext.CurrentSchemaVersion, meta["Version"].AsInt32);
    }

    [Fact]
    public void Schema_version_persists_across_dispose_and_reopen()
    {
        _db.Context.Dispose();

        using (var raw = new LiteDatabase(new ConnectionString { Filename = _db.DatabasePath, Connection = ConnectionType.Direct }))
        {
            var meta = raw.GetCollection(LiteDbContext.MetaCollection).FindById(LiteDbContext.SchemaDocumentId);
            Assert.Equal(LiteDbContext.CurrentSchemaVersion, meta["Version"].AsInt32);
        }

        var reopened = _db.Reopen();
        Assert.Equal(LiteDbContext.CurrentSchemaVersion, reopened.SchemaVersion);
    }

    [Fact]
    public void Newer_schema_version_in_file_is_refused_clearly()
    {
        _db.Context.Dispose();
        using (var raw = new LiteDatabase(new ConnectionString { Filename = _db.DatabasePath, Connection = ConnectionType.Direct }))
        {
            raw.GetCollection(LiteDbContext.MetaCollection)
                .Upsert(new BsonDocument { ["_id"] = LiteDbContext.SchemaDocumentId, ["Version"] = LiteDbContext.CurrentSchemaVersion + 1 });
        }

        var ex = Assert.Throws<InvalidOperationException>(_db.Open);

        Assert.Contains($"schema version {LiteDbContext.CurrentSchemaVersion + 1}", ex.Message, StringComparison.Ordinal);
        Assert.Contains($"up to {LiteDbContext.CurrentSchemaVersion}", ex.Message, StringComparison.Ordinal);

        // The refused file was closed again: it can still be opened and repaired directly.
        using var again = new LiteDatabase(new ConnectionString { Filename = _db.DatabasePath, Connection = ConnectionType.Direct });
        again.GetCollection(LiteDbContext.MetaCollection)
            .Upsert(new BsonDocument { ["_id"] = LiteDbContext.SchemaDocumentId, ["Version"] = LiteDbContext.CurrentSchemaVersion });
    }

    [Fact]
    public void Unversioned_existing_file_is_upgraded_to_current_version()
    {
        _db.Context.Dispose();
        using (var raw = new LiteDatabase(new ConnectionString { Filename = _db.DatabasePath, Connection = ConnectionType.Direct }))
            raw.GetCollection(LiteDbContext.MetaCollection).Delete(LiteDbContext.SchemaDocumentId);

        Assert.Equal(LiteDbContext.CurrentSchemaVersion, _db.Reopen().SchemaVersion);
    }

    [Fact]
    public void Relative_path_resolves_against_current_directory()
    {
        var context = new LiteDbContext(new LiteDbStorageOptions { DatabasePath = Path.GetRelativePath(Environment.CurrentDirectory, Path.Combine(_db.Directory, "rel", "x.db")) });
        using (context)
            Assert.Equal(Path.Combine(_db.Directory, "rel", "x.db"), context.DatabasePath);
    }

    [Fact]
    public void Empty_path_is_rejected()
    {
        Assert.Throws<ArgumentException>(() => new LiteDbContext(new LiteDbStorageOptions { DatabasePath = " " }));
    }

    [Fact]
    public void Default_path_is_data_mentorbot_db()
    {
        Assert.Equal("data/mentorbot.db", new LiteDbStorageOptions().DatabasePath);
        Assert.Equal("Storage", LiteDbStorageOptions.SectionName);
    }

    [Fact]
    public async Task Health_reports_schema_and_pings()
    {
        var health = new LiteDbStorageHealth(_db.Context);

        Assert.Equal(LiteDbContext.CurrentSchemaVersion, health.SchemaVersion);
        Assert.True(await health.PingAsync());
    }

    [Fact]
    public async Task Health_ping_is_false_after_dispose()
    {
        var health = new LiteDbStorageHealth(_db.Context);
        _db.Context.Dispose();

        Assert.False(await health.PingAsync());
    }

    [Fact]
    public async Task Stores_sharing_one_context_see_each_others_writes()
    {
        var a = new LiteDbActivityStore(_db.Context);
        var b = new LiteDbActivityStore(_db.Context);

        Assert.True(await a.TryAddCheckinAsync(new Checkin(Alice, new DateOnly(2025, 1, 1), At, null)));
        Assert.False(await b.TryAddCheckinAsync(new Checkin(Alice, new DateOnly(2025, 1, 1), At, null)));
    }
}
