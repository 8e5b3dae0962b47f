using MentorBot.Discord.Postgres;

namespace MentorBot.Storage.Postgres.Tests.DiscordCoordination;

/// <summary>
/// A fresh database on the test server and two hosts' coordination handles on it, each with its own connection pool,
/// as two processes would have.
/// </summary>
public abstract class TwoHostsOnOneDatabase : IAsyncLifetime
{
    private PostgresServer _server = null!;
    private string _database = null!;

    /// <summary>For the test's own look at the database, beside the hosts' pools.</summary>
    protected string ConnectionString { get; private set; } = null!;

    protected DiscordCoordinationDatabase First { get; private set; } = null!;

    protected DiscordCoordinationDatabase Second { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        _server = await PostgresServer.SharedAsync();
        _database = await _server.CreateDatabaseAsync();
        ConnectionString = _server.ConnectionStringFor(_database);
        First = new DiscordCoordinationDatabase(ConnectionString);
        Second = new DiscordCoordinationDatabase(ConnectionString);
    }

    public async Task DisposeAsync()
    {
        await First.DisposeAsync();
        await Second.DisposeAsync();
        await _server.DropDatabaseAsync(_database);
    }
}
