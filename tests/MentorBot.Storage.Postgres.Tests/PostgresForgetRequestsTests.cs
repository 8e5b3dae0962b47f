using MentorBot.Core.Privacy;
using MentorBot.Storage.Contract;

namespace MentorBot.Storage.Postgres.Tests;

/// <summary>/forget requests on PostgreSQL: one table, shared by every host (here, by separate connection pools).</summary>
public sealed class PostgresForgetRequestsTests : ForgetRequestsContract
{
    private PostgresTestDatabase? _database;

    private PostgresTestDatabase Database => _database ?? throw new InvalidOperationException("Created in InitializeAsync.");

    protected override async Task<IForgetRequests> CreateAsync()
    {
        _database = await PostgresTestDatabase.CreateDatabaseAsync();
        return new PostgresForgetRequests(_database.Open());
    }

    protected override Task<IForgetRequests> OpenAnotherHostAsync() => Task.FromResult<IForgetRequests>(new PostgresForgetRequests(Database.Open()));

    public override async Task DisposeAsync()
    {
        if (_database is not null)
            await _database.DisposeAsync();
    }
}
