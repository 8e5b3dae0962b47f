namespace MentorBot.Storage.Contract;

/// <summary>The base of every contract: a fresh database per test, from the provider the derived class names.</summary>
public abstract class StorageContract : IAsyncLifetime
{
    private IStorageDatabase? _database;

    protected IStorageDatabase Database => _database ?? throw new InvalidOperationException("The database is created in InitializeAsync.");

    protected StorageStores Stores => Database.Stores;

    /// <summary>Creates the empty database this test runs against.</summary>
    protected abstract Task<IStorageDatabase> CreateDatabaseAsync();

    public async Task InitializeAsync() => _database = await CreateDatabaseAsync();

    public async Task DisposeAsync()
    {
        if (_database is not null)
            await _database.DisposeAsync();
    }
}
