using Npgsql;

namespace MentorBot.Storage.Postgres.Tests;

public sealed class PostgresMigratorTests : IAsyncLifetime
{
    private PostgresServer _server = null!;
    private string _name = "";
    private NpgsqlDataSource _dataSource = null!;

    public async Task InitializeAsync()
    {
        _server = await PostgresServer.SharedAsync();
        _name = await _server.CreateDatabaseAsync();
        _dataSource = NpgsqlDataSource.Create(_server.ConnectionStringFor(_name));
    }

    public async Task DisposeAsync()
    {
        await _dataSource.DisposeAsync();
        await _server.DropDatabaseAsync(_name);
    }

    [Fact]
    public async Task Two_hosts_migrating_a_new_database_at_once_apply_each_migration_exactly_once()
    {
        var migrations = new[]
        {
            new PostgresMigration(1, "one", "CREATE TABLE a (id integer PRIMARY KEY); SELECT pg_sleep(0.2);"),
            new PostgresMigration(2, "two", "INSERT INTO a VALUES (1); SELECT pg_sleep(0.2);"),
        };
        // Separate pools, like two hosts; without the lock the second CREATE TABLE or INSERT would fail.
        await using var other = NpgsqlDataSource.Create(_server.ConnectionStringFor(_name));
        using var start = new ManualResetEventSlim();

        var hosts = new[] { _dataSource, other, _dataSource, other }.Select(ds => Task.Run(() =>
        {
            start.Wait();
            return PostgresMigrator.Migrate(ds, migrations);
        })).ToList();
        start.Set();
        var versions = await Task.WhenAll(hosts);

        Assert.All(versions, v => Assert.Equal(2, v));
        Assert.Equal([1, 2], await QueryIntsAsync("SELECT version FROM schema_migrations ORDER BY version"));
        Assert.Equal([1], await QueryIntsAsync("SELECT id FROM a"));
    }

    [Fact]
    public async Task Concurrent_real_migrations_leave_the_full_schema_once()
    {
        var results = await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => Task.Run(() =>
        {
            using var storage = new PostgresStorage(new PostgresStorageOptions { ConnectionString = _server.ConnectionStringFor(_name) });
            return storage.SchemaVersion;
        })));

        Assert.All(results, v => Assert.Equal(PostgresMigrations.Latest, v));
        Assert.Equal(PostgresMigrations.All.Select(m => m.Version), await QueryIntsAsync("SELECT version FROM schema_migrations ORDER BY version"));
    }

    [Fact]
    public async Task Running_again_changes_nothing_and_a_later_migration_is_applied_on_top()
    {
        var first = new[] { new PostgresMigration(1, "one", "CREATE TABLE a (id integer)") };
        Assert.Equal(1, PostgresMigrator.Migrate(_dataSource, first));
        Assert.Equal(1, PostgresMigrator.Migrate(_dataSource, first));

        var second = first.Append(new PostgresMigration(2, "two", "ALTER TABLE a ADD COLUMN name text")).ToArray();
        Assert.Equal(2, PostgresMigrator.Migrate(_dataSource, second));

        Assert.Equal([1, 2], await QueryIntsAsync("SELECT version FROM schema_migrations ORDER BY version"));
        Assert.Equal([1], await QueryIntsAsync("SELECT count(*)::integer FROM information_schema.columns WHERE table_name = 'a' AND column_name = 'name'"));
    }

    [Fact]
    public async Task A_failing_migration_leaves_nothing_of_itself_behind()
    {
        var migrations = new[]
        {
            new PostgresMigration(1, "one", "CREATE TABLE a (id integer)"),
            new PostgresMigration(2, "broken", "CREATE TABLE b (id integer); SELECT no_such_function();"),
        };

        Assert.Throws<PostgresException>(() => PostgresMigrator.Migrate(_dataSource, migrations));

        Assert.Equal([1], await QueryIntsAsync("SELECT version FROM schema_migrations"));
        Assert.Equal([0], await QueryIntsAsync("SELECT count(*)::integer FROM pg_tables WHERE tablename = 'b'"));
    }

    [Fact]
    public void A_database_with_a_newer_schema_is_refused_clearly()
    {
        PostgresMigrator.Migrate(_dataSource, [new PostgresMigration(1, "one", "SELECT 1"), new PostgresMigration(2, "two", "SELECT 1")]);

        var ex = Assert.Throws<InvalidOperationException>(() => PostgresMigrator.Migrate(_dataSource, [new PostgresMigration(1, "one", "SELECT 1")]));

        Assert.Contains("schema version 2", ex.Message, StringComparison.Ordinal);
        Assert.Contains("up to 1", ex.Message, StringComparison.Ordinal);
    }

    private async Task<List<int>> QueryIntsAsync(string sql)
    {
        await using var command = _dataSource.CreateCommand(sql);
        await using var reader = await command.ExecuteReaderAsync();
        var result = new List<int>();
        while (await reader.ReadAsync())
            result.Add(reader.GetInt32(0));
        return result;
    }
}
