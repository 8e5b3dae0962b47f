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

    protected DiscordCoordinationDatabase First { get; private set; } = null!;

    protected DiscordCoordinationDatabase Second { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        _server = await PostgresServer.SharedAsync();
        _database = await _server.CreateDatabaseAsync();
        First = new DiscordCoordinationDatabase(_server.ConnectionStringFor(_database));
        Second = new DiscordCoordinationDatabase(_server.ConnectionStringFor(_database));
    }

    public async Task DisposeAsync()
    {
        await First.DisposeAsync();
        await Second.DisposeAsync();
        await _server.DropDatabaseAsync(_database);
    }
}
