using Npgsql;

namespace MentorBot.Discord.Postgres;

/// <summary>
/// The connection pool for Discord coordination and its two small tables, created on first use. The tables are not
/// part of the storage provider's versioned schema: they hold only short-lived timing state, so "create if missing"
/// (under an advisory lock, for hosts starting together) is all the migration they need.
/// </summary>
public sealed class DiscordCoordinationDatabase : IAsyncDisposable, IDisposable
{
    /// <summary>Advisory lock key spaces (the first of the two int keys); the second key is the bucket.</summary>
    internal const int IdentifyLockSpace = 0x4D42_4944;
    private const int SchemaLockSpace = 0x4D42_5343;

    private readonly NpgsqlDataSource _dataSource;
    private readonly SemaphoreSlim _schemaLock = new(1, 1);
    private volatile bool _schemaReady;

    public DiscordCoordinationDatabase(string connectionString)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        _dataSource = NpgsqlDataSource.Create(connectionString);
    }

    /// <summary>An open connection, the tables guaranteed to exist.</summary>
    internal async Task<NpgsqlConnection> OpenAsync(CancellationToken ct)
    {
        var connection = await _dataSource.OpenConnectionAsync(ct).ConfigureAwait(false);
        try
        {
            if (!_schemaReady)
                await EnsureSchemaAsync(connection, ct).ConfigureAwait(false);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    private async Task EnsureSchemaAsync(NpgsqlConnection connection, CancellationToken ct)
    {
        await _schemaLock.WaitAsync(ct).ConfigureAwait(false);
        try
        {
            if (_schemaReady)
                return;
            var transaction = await connection.BeginTransactionAsync(ct).ConfigureAwait(false);
            await using var transactionDisposal = transaction.ConfigureAwait(false);
            // CREATE TABLE IF NOT EXISTS can still collide when two hosts run it at the same moment.
            var command = new NpgsqlCommand($"""
                SELECT pg_advisory_xact_lock({SchemaLockSpace}, 0);
                CREATE TABLE IF NOT EXISTS discord_identify_buckets (
                    bucket integer PRIMARY KEY,
                    last_identify timestamptz NOT NULL
                );
                CREATE TABLE IF NOT EXISTS discord_global_rate (
                    id integer PRIMARY KEY,
                    next_slot timestamptz NOT NULL
                );
                INSERT INTO discord_global_rate (id, next_slot) VALUES (1, '-infinity') ON CONFLICT (id) DO NOTHING;
                """, connection, transaction);
            await using (command.ConfigureAwait(false))
            {
                await command.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
            }
            await transaction.CommitAsync(ct).ConfigureAwait(false);
            _schemaReady = true;
        }
        finally
        {
            _schemaLock.Release();
        }
    }

    public void Dispose()
    {
        _dataSource.Dispose();
        _schemaLock.Dispose();
    }

    public async ValueTask DisposeAsync()
    {
        await _dataSource.DisposeAsync().ConfigureAwait(false);
        _schemaLock.Dispose();
    }
}
