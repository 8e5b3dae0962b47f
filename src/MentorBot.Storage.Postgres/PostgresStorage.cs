using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace MentorBot.Storage.Postgres;

/// <summary>
/// The process's connection pool to one PostgreSQL database, migrated to <see cref="PostgresMigrations.Latest"/> when
/// opened. Register it as a singleton; every store shares it. Several hosts may open the same database at once.
/// </summary>
public sealed class PostgresStorage : IDisposable, IAsyncDisposable
{
    /// <summary>Connects, migrates and keeps the pool open.</summary>
    /// <exception cref="ArgumentException">The connection string is missing or malformed.</exception>
    /// <exception cref="NpgsqlException">The server cannot be reached or refused the login.</exception>
    /// <exception cref="InvalidOperationException">The database holds a newer schema than this build knows.</exception>
    public PostgresStorage(PostgresStorageOptions options, ILogger<PostgresStorage>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.Problem() is { } problem)
            throw new ArgumentException(problem, nameof(options));

        var log = (ILogger?)logger ?? NullLogger.Instance;
        Server = PostgresStorageOptions.Describe(options.ConnectionString!);
        DataSource = NpgsqlDataSource.Create(options.ConnectionString!);
        try
        {
            SchemaVersion = PostgresMigrator.Migrate(DataSource, PostgresMigrations.All, log);
        }
        catch
        {
            DataSource.Dispose();
            throw;
        }

        Log.Opened(log, Server, SchemaVersion);
    }

    /// <summary>"host:port/database", safe to show: it holds no credentials.</summary>
    public string Server { get; }

    /// <summary>The schema version of the database after migrating.</summary>
    public int SchemaVersion { get; }

    internal NpgsqlDataSource DataSource { get; }

    public void Dispose() => DataSource.Dispose();

    public ValueTask DisposeAsync() => DataSource.DisposeAsync();
}
