using MentorBot.Storage.Contract;

namespace MentorBot.Storage.Postgres.Tests;

/// <summary>
/// The contract suite's database for PostgreSQL: a freshly created database with a random name, migrated by the
/// first <see cref="PostgresStorage"/> opened on it (as a host would), and dropped at the end.
/// </summary>
internal sealed class PostgresTestDatabase : IStorageDatabase
{
    private readonly PostgresServer _server;
    private readonly List<PostgresStorage> _open = [];
    private PostgresStorage _current;

    private PostgresTestDatabase(PostgresServer server, string name)
    {
        _server = server;
        Name = name;
        ConnectionString = server.ConnectionStringFor(name);
        _current = Open();
        Stores = StoresOver(_current);
    }

    public string Name { get; }

    public string ConnectionString { get; }

    public StorageStores Stores { get; private set; }

    public static async Task<IStorageDatabase> CreateAsync() => await CreateDatabaseAsync();

    public static async Task<PostgresTestDatabase> CreateDatabaseAsync()
    {
        var server = await PostgresServer.SharedAsync();
        var name = await server.CreateDatabaseAsync();
        return new PostgresTestDatabase(server, name);
    }

    public async Task<StorageStores> ReopenAsync()
    {
        _open.Remove(_current);
        await _current.DisposeAsync();
        _current = Open();
        Stores = StoresOver(_current);
        return Stores;
    }

    /// <summary>A separate connection pool, as a second host on the same database would have.</summary>
    public Task<StorageStores> OpenWorkerAsync() => Task.FromResult(StoresOver(Open()));

    public PostgresStorage Open()
    {
        var storage = new PostgresStorage(new PostgresStorageOptions { ConnectionString = ConnectionString });
        _open.Add(storage);
        return storage;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var storage in _open)
            await storage.DisposeAsync();
        await _server.DropDatabaseAsync(Name);
    }

    internal static StorageStores StoresOver(PostgresStorage storage) => new(
        new PostgresLearnerStore(storage),
        new PostgresActivityStore(storage),
        new PostgresSubscriptionStore(storage),
        new PostgresChallengeStore(storage),
        new PostgresDeliveryOutbox(storage),
        new PostgresUndeliverableNotices(storage),
        new PostgresDirectChannelStore(storage),
        new PostgresStorageHealth(storage),
        new PostgresLearnerDataStore(storage),
        new PostgresDashboardStore(storage)) 
    {
        Reports = new PostgresCommunityReports(storage),
        QuestionLog = new PostgresQuestionLog(storage),
    };
}
