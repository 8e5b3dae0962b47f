namespace MentorBot.Storage.Contract;

/// <summary>A fresh, empty database of one provider, owned by one test and deleted when it is disposed.</summary>
public interface IStorageDatabase : IAsyncDisposable
{
    /// <summary>The stores of the currently open handle.</summary>
    StorageStores Stores { get; }

    /// <summary>What a restart does: closes the current handle and opens the same database again.</summary>
    Task<StorageStores> ReopenAsync();

    /// <summary>
    /// Stores for another concurrent worker on the same database, the way the provider shares it: LiteDB's file is
    /// exclusive to one context, so new stores over it; PostgreSQL opens a separate connection pool, as a second host would.
    /// </summary>
    Task<StorageStores> OpenWorkerAsync();
}
