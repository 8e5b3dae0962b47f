using MentorBot.Core.Storage;
using MentorBot.Storage.Contract;

namespace MentorBot.Storage.Postgres.Tests;

/// <summary>The replay guard on PostgreSQL: one table, shared by every host (here, by separate connection pools).</summary>
public sealed class PostgresReplayGuardTests : ReplayGuardContract
{
    private PostgresTestDatabase? _database;

    private PostgresTestDatabase Database => _database ?? throw new InvalidOperationException("Created in InitializeAsync.");

    protected override async Task<IReplayGuard> CreateGuardAsync()
    {
        _database = await PostgresTestDatabase.CreateDatabaseAsync();
        return new PostgresReplayGuard(_database.Open(), Time);
    }

    protected override Task<IReplayGuard> OpenAnotherHostAsync() => Task.FromResult<IReplayGuard>(new PostgresReplayGuard(Database.Open(), Time));

    protected override Task<long> HeldAsync() => ((PostgresReplayGuard)Guard).CountAsync();

    public override async Task DisposeAsync()
    {
        if (_database is not null)
            await _database.DisposeAsync();
    }
}
