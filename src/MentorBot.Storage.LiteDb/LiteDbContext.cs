using System.Collections.Concurrent;
using LiteDB;
using LiteDB.Engine;
using MentorBot.Storage.LiteDb.Documents;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace MentorBot.Storage.LiteDb;

/// <summary>
/// Owns the one <see cref="LiteDatabase"/> of the process (direct connection), its indexes and its schema version.
/// Register it as a singleton; every store shares it.
/// </summary>
public sealed class LiteDbContext : IDisposable
{
    /// <summary>The schema this build writes and understands.</summary>
    public const int CurrentSchemaVersion = 2;

    internal const string MetaCollection = "meta";
    internal const string SchemaDocumentId = "schema";
    internal const string LearnersCollection = "learners";
    internal const string CheckinsCollection = "checkins";
    internal const string TaskCompletionsCollection = "task_completions";
    internal const string StreakSummariesCollection = "streak_summaries";
    internal const string SubscriptionsCollection = "subscriptions";
    internal const string ChallengesCollection = "challenges";
    internal const string SubmissionsCollection = "challenge_submissions";

    /// <summary>Every collection a store reads; all are created when the file is opened (see <see cref="EnsureCollections"/>).</summary>
    internal static readonly IReadOnlyList<string> CollectionNames =
    [
        MetaCollection, LearnersCollection, CheckinsCollection, TaskCompletionsCollection, StreakSummariesCollection,
        SubscriptionsCollection, ChallengesCollection, SubmissionsCollection, LiteDbDeliveryOutbox.DeliveriesCollection,
        LiteDbDirectChannelStore.ChannelsCollection, LiteDbUndeliverableNotices.NoticesCollection,
        LiteDbDashboardStore.SettingsCollection, LiteDbDashboardStore.SignInsCollection, LiteDbDashboardStore.SessionsCollection,
        LiteDbDashboardStore.AuditCollection,
        LiteDbQuestionLog.QuestionsCollection, LiteDbQuestionLog.FeedbackCollection, LiteDbQuestionLog.SaltsCollection,
        LiteDbQuestionLog.BatchesCollection,
    ];

    private readonly LiteDbFileLock _lock;
    private readonly ReopeningLiteEngine _engine;
    private readonly LiteDatabase _database;

    /// <summary>Opens (creating if needed) the database file named by <paramref name="options"/>.</summary>
    /// <exception cref="InvalidOperationException">The file holds a schema newer than <see cref="CurrentSchemaVersion"/>.</exception>
    /// <exception cref="LiteDbFileInUseException">Another process (or another open context) holds the file.</exception>
    public LiteDbContext(LiteDbStorageOptions options, ILogger<LiteDbContext>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (string.IsNullOrWhiteSpace(options.DatabasePath))
            throw new ArgumentException("Storage:DatabasePath must name a database file.", nameof(options));

        var log = (ILogger?)logger ?? NullLogger.Instance;
        DatabasePath = Path.GetFullPath(options.DatabasePath);
        var directory = Path.GetDirectoryName(DatabasePath);
        if (!string.IsNullOrEmpty(directory))
            Directory.CreateDirectory(directory);

        // Before LiteDB reads or writes a byte of the file: a second host must not touch it at all.
        _lock = LiteDbFileLock.Acquire(DatabasePath);
        var settings = new EngineSettings { Filename = DatabasePath };
        try
        {
            _engine = new ReopeningLiteEngine(() => new LiteEngine(settings), DatabasePath, log);
            _database = new LiteDatabase(_engine, CreateMapper(), disposeOnClose: true);
            Reports = new LiteDbReportProjection(_database);
            _engine.Observer = Reports;
        }
        catch
        {
            _lock.Dispose();
            throw;
        }

        try
        {
            SchemaVersion = EnsureSchema(log);
            EnsureCollections();
            EnsureIndexes();
            foreach (var notice in _database.GetCollection<UndeliverableNoticeDocument>(LiteDbUndeliverableNotices.NoticesCollection).FindAll())
                PendingNotices.TryAdd(notice.Id, 0);
            ReleaseDeliveryClaims();
        }
        catch
        {
            _database.Dispose();
            _lock.Dispose();
            throw;
        }

        Log.Opened(log, DatabasePath, SchemaVersion);
    }

    /// <summary>Full path of the open database file.</summary>
    public string DatabasePath { get; }

    /// <summary>The schema version stored in the file (after any upgrade).</summary>
    public int SchemaVersion { get; }

    /// <summary>Serializes read-modify-write operations (compare-and-set, close) across all stores of the process.</summary>
    internal Lock WriteLock { get; } = new();

    internal LiteDatabase Database => _database;

    /// <summary>The dashboard's figures, built on the first report query and kept current by every write after it.</summary>
    internal LiteDbReportProjection Reports { get; }

    /// <summary>True from a write refused for lack of disk space until the health probe finds room again.</summary>
    internal bool Full => _engine.Full;

    internal void MarkWritable() => _engine.MarkWritable();

    /// <summary>
    /// Learner ids with a pending undeliverable notice, mirrored from <c>undeliverable_notices</c> (loaded here, kept
    /// current by <see cref="LiteDbUndeliverableNotices"/> under <see cref="WriteLock"/>). Every command asks whether its
    /// learner has one and almost none has, so the answer must not cost a database read under the write lock. The
    /// mirror lives on the context, not a store, so any number of stores over one file agree; the file is opened in
    /// direct (exclusive) mode, so no other process can change the collection behind it.
    /// </summary>
    internal ConcurrentDictionary<string, byte> PendingNotices { get; } = new(StringComparer.Ordinal);

    internal ILiteCollection<MetaDocument> Meta => _database.GetCollection<MetaDocument>(MetaCollection);
    internal ILiteCollection<LearnerDocument> Learners => _database.GetCollection<LearnerDocument>(LearnersCollection);
    internal ILiteCollection<CheckinDocument> Checkins => _database.GetCollection<CheckinDocument>(CheckinsCollection);
    internal ILiteCollection<TaskCompletionDocument> TaskCompletions => _database.GetCollection<TaskCompletionDocument>(TaskCompletionsCollection);
    internal ILiteCollection<StreakSummaryDocument> StreakSummaries => _database.GetCollection<StreakSummaryDocument>(StreakSummariesCollection);
    internal ILiteCollection<SubscriptionDocument> Subscriptions => _database.GetCollection<SubscriptionDocument>(SubscriptionsCollection);
    internal ILiteCollection<ChallengeDocument> Challenges => _database.GetCollection<ChallengeDocument>(ChallengesCollection, BsonAutoId.Int32);
    internal ILiteCollection<ChallengeSubmissionDocument> Submissions => _database.GetCollection<ChallengeSubmissionDocument>(SubmissionsCollection);

    public void Dispose()
    {
        _database.Dispose();
        _lock.Dispose();
    }

    internal static bool IsDuplicateKey(LiteException exception) => exception.ErrorCode == LiteException.INDEX_DUPLICATE_KEY;

    private static BsonMapper CreateMapper() => new()
    {
        // Keep strings exactly as given: "" stays "", leading/trailing spaces stay.
        EmptyStringToNull = false,
        TrimWhitespace = false,
        SerializeNullValues = false,
    };

    private int EnsureSchema(ILogger log)
    {
        var meta = Meta;
        var stored = meta.FindById(SchemaDocumentId);
        var version = stored?.Version ?? 0;

        if (version > CurrentSchemaVersion)
        {
            Log.SchemaTooNew(log, DatabasePath, version, CurrentSchemaVersion);
            throw new InvalidOperationException(
                $"The database '{DatabasePath}' has schema version {version}, but this build of MentorBot only understands " +
                $"schema versions up to {CurrentSchemaVersion}. Run a newer MentorBot or point Storage:DatabasePath at another file.");
        }

        if (version < CurrentSchemaVersion)
        {
            // Upgrades run one version at a time. 0 -> 1 is the initial layout: nothing to migrate.
            for (var from = version; from < CurrentSchemaVersion; from++)
                Upgrade(from);

            meta.Upsert(new MetaDocument { Id = SchemaDocumentId, Version = CurrentSchemaVersion });
            if (version > 0)
                Log.Upgraded(log, DatabasePath, version, CurrentSchemaVersion);
        }

        return CurrentSchemaVersion;
    }

    private void Upgrade(int fromVersion)
    {
        switch (fromVersion)
        {
            case 0:
                // New or pre-versioned file: collections and indexes are created by EnsureIndexes.
                break;
            case 1:
                // Claims: every delivery gets the indexed moment it can next be claimed.
                var deliveries = _database.GetCollection<DeliveryDocument>(LiteDbDeliveryOutbox.DeliveriesCollection);
                deliveries.Update(deliveries.FindAll().Select(LiteDbDeliveryOutbox.WithDueTicks).ToList());
                break;
            default:
                throw new InvalidOperationException($"No upgrade is known from schema version {fromVersion}.");
        }
    }

    /// <summary>
    /// The file is exclusive to this process, so a claim found in it at open belongs to a process that is gone: hand it
    /// back at once instead of waiting out its lease. Its count stays, so the next claim knows it may have been sent.
    /// </summary>
    private void ReleaseDeliveryClaims()
    {
        var deliveries = _database.GetCollection<DeliveryDocument>(LiteDbDeliveryOutbox.DeliveriesCollection);
        var pending = nameof(Core.Delivery.DeliveryRecordStatus.Pending);
        var claimed = deliveries.Find(x => x.Status == pending).Where(d => d.ClaimedBy is not null).ToList();
        foreach (var document in claimed)
        {
            document.ClaimedBy = null;
            document.ClaimedUntilUtcTicks = null;
            LiteDbDeliveryOutbox.WithDueTicks(document);
        }
        if (claimed.Count > 0)
            deliveries.Update(claimed);
    }

    /// <summary>
    /// Creates every collection that does not exist yet. LiteDB creates a collection on its first write, and a read
    /// racing that write can fail with "page type must be collection page" (litedb-org/LiteDB#2792); a collection that
    /// exists before the first request is never created under load. A placeholder is inserted and deleted in one
    /// transaction: the collection stays, empty.
    /// </summary>
    private void EnsureCollections()
    {
        var existing = _database.GetCollectionNames().ToHashSet(StringComparer.Ordinal);
        var missing = CollectionNames.Where(name => !existing.Contains(name)).ToList();
        if (missing.Count == 0)
            return;

        _database.BeginTrans();
        foreach (var name in missing)
        {
            var collection = _database.GetCollection(name);
            collection.Insert(new BsonDocument { ["_id"] = "collection-created" });
            collection.Delete("collection-created");
        }
        _database.Commit();
    }

    private void EnsureIndexes()
    {
        Learners.EnsureIndex("Communities", "$.Communities[*]");
        Checkins.EnsureIndex(x => x.Learner);
        TaskCompletions.EnsureIndex(x => x.Learner);
        Challenges.EnsureIndex(x => x.Community);
        Submissions.EnsureIndex(x => x.ChallengeId);
        var deliveries = _database.GetCollection<DeliveryDocument>(LiteDbDeliveryOutbox.DeliveriesCollection);
        deliveries.EnsureIndex(x => x.Status);
        deliveries.EnsureIndex(x => x.DueTicks);
        LiteDbDashboardStore.EnsureIndexes(_database);
        LiteDbQuestionLog.EnsureIndexes(_database);
    }
}
