using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace MentorBot.Storage.Postgres;

/// <summary>
/// Brings a database up to the newest migration. Each migration runs in its own transaction holding a transaction-level
/// advisory lock, and re-reads <c>schema_migrations</c> under it, so hosts starting at once apply each step exactly once
/// and a failed step leaves nothing half-done.
/// </summary>
public static class PostgresMigrator
{
    /// <summary>The advisory lock every MentorBot host takes to migrate ("MentorBt" in ASCII). Advisory locks are per database.</summary>
    public const long LockKey = 0x4D656E746F724274;

    /// <summary>Applies the missing <paramref name="migrations"/> and returns the schema version the database is at.</summary>
    /// <exception cref="InvalidOperationException">The database holds a schema newer than the newest known migration.</exception>
    public static int Migrate(NpgsqlDataSource dataSource, IReadOnlyList<PostgresMigration> migrations, ILogger? logger = null)
    {
        ArgumentNullException.ThrowIfNull(dataSource);
        ArgumentNullException.ThrowIfNull(migrations);
        var log = logger ?? NullLogger.Instance;
        var latest = migrations.Count == 0 ? 0 : migrations.Max(m => m.Version);
        var version = 0;
        foreach (var migration in migrations.OrderBy(m => m.Version))
        {
            using var connection = dataSource.OpenConnection();
            using var transaction = connection.BeginTransaction();
            Execute(connection, transaction, "SELECT pg_advisory_xact_lock($1)", LockKey);
            Execute(connection, transaction, """
                CREATE TABLE IF NOT EXISTS schema_migrations (
                    version integer PRIMARY KEY,
                    name text NOT NULL,
                    applied_at timestamptz NOT NULL DEFAULT now()
                )
                """);
            version = CurrentVersion(connection, transaction);
            RefuseNewer(connection, version, latest);
            if (Applied(connection, transaction, migration.Version))
            {
                transaction.Commit();
                continue;
            }

            Execute(connection, transaction, migration.Sql);
            Execute(connection, transaction, "INSERT INTO schema_migrations (version, name) VALUES ($1, $2)", migration.Version, migration.Name);
            transaction.Commit();
            version = Math.Max(version, migration.Version);
            Log.Migrated(log, migration.Version, migration.Name);
        }

        if (migrations.Count == 0)
        {
            using var connection = dataSource.OpenConnection();
            version = CurrentVersion(connection, null);
        }

        return version;
    }

    private static void RefuseNewer(NpgsqlConnection connection, int version, int latest)
    {
        if (version > latest)
        {
            throw new InvalidOperationException(
                $"The PostgreSQL database '{connection.Database}' has schema version {version}, but this build of MentorBot only understands " +
                $"schema versions up to {latest}. Run a newer MentorBot or point Storage:ConnectionString at another database.");
        }
    }

    private static int CurrentVersion(NpgsqlConnection connection, NpgsqlTransaction? transaction)
    {
        using var command = new NpgsqlCommand("SELECT to_regclass('schema_migrations') IS NOT NULL", connection, transaction);
        if (command.ExecuteScalar() is not true)
            return 0;
        using var max = new NpgsqlCommand("SELECT coalesce(max(version), 0) FROM schema_migrations", connection, transaction);
        return Convert.ToInt32(max.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
    }

    private static bool Applied(NpgsqlConnection connection, NpgsqlTransaction transaction, int version)
    {
        using var command = new NpgsqlCommand("SELECT EXISTS (SELECT 1 FROM schema_migrations WHERE version = $1)", connection, transaction);
        command.Parameters.Add(new NpgsqlParameter { Value = version });
        return command.ExecuteScalar() is true;
    }

    private static void Execute(NpgsqlConnection connection, NpgsqlTransaction? transaction, string sql, params object[] args)
    {
        using var command = new NpgsqlCommand(sql, connection, transaction);
        foreach (var arg in args)
            command.Parameters.Add(new NpgsqlParameter { Value = arg });
        command.ExecuteNonQuery();
    }
}
