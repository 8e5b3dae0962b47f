namespace MentorBot.Host.Tests.Support;

/// <summary>
/// Each test's own empty database on the shared private PostgreSQL server, dropped after the test, and a temp folder
/// for the LiteDB file a migration reads from.
/// </summary>
public abstract class FreshPostgresDatabase : IAsyncLifetime, IDisposable
{
    private PostgresServer _server = null!;
    private string _database = "";

    private protected TempFolder Temp { get; } = new();

    protected string ConnectionString => _server.ConnectionStringFor(_database);

    public async Task InitializeAsync()
    {
        _server = await PostgresServer.SharedAsync();
        _database = await _server.CreateDatabaseAsync();
    }

    public Task DisposeAsync() => _server.DropDatabaseAsync(_database);

    public void Dispose()
    {
        Dispose(disposing: true);
        GC.SuppressFinalize(this);
    }

    protected virtual void Dispose(bool disposing)
    {
        if (disposing)
            Temp.Dispose();
    }
}
