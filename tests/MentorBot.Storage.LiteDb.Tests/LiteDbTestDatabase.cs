using MentorBot.Storage.Contract;

namespace MentorBot.Storage.LiteDb.Tests;

/// <summary>The contract suite's database for LiteDB: a real file in a fresh temp directory.</summary>
internal sealed class LiteDbTestDatabase : IStorageDatabase
{
    private readonly TempDatabase _file = new();

    private LiteDbTestDatabase() => Stores = StoresOver(_file.Context);

    public StorageStores Stores { get; private set; }

    public static Task<IStorageDatabase> CreateAsync() => Task.FromResult<IStorageDatabase>(new LiteDbTestDatabase());

    public Task<StorageStores> ReopenAsync()
    {
        Stores = StoresOver(_file.Reopen());
        return Task.FromResult(Stores);
    }

    /// <summary>The file is exclusive to one context, so workers of one process share it (as the host's singletons do).</summary>
    public Task<StorageStores> OpenWorkerAsync() => Task.FromResult(StoresOver(_file.Context));

    public ValueTask DisposeAsync()
    {
        _file.Dispose();
        return ValueTask.CompletedTask;
    }

    private static StorageStores StoresOver(LiteDbContext context) => new(
        new LiteDbLearnerStore(context),
        new LiteDbActivityStore(context),
        new LiteDbSubscriptionStore(context),
        new LiteDbChallengeStore(context),
        new LiteDbDeliveryOutbox(context),
        new LiteDbUndeliverableNotices(context),
        new LiteDbDirectChannelStore(context),
        new LiteDbStorageHealth(context),
        new LiteDbLearnerDataStore(context),
        new LiteDbDashboardStore(context)) 
    {
        Reports = new LiteDbCommunityReports(context),
        QuestionLog = new LiteDbQuestionLog(context),
    };
}
