using MentorBot.Core.Storage;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace MentorBot.Storage.Postgres;

/// <summary>Reports the migrated schema version and answers a ping with a read of <c>schema_migrations</c>.</summary>
public sealed class PostgresStorageHealth(PostgresStorage storage, ILogger<PostgresStorageHealth>? logger = null) : IStorageHealth
{
    private readonly ILogger _logger = (ILogger?)logger ?? NullLogger.Instance;

    public int SchemaVersion => storage.SchemaVersion;

    /// <summary>The server refuses what it cannot write and keeps answering reads itself; nothing here to track.</summary>
    public bool Full => false;

    public async Task<bool> PingAsync(CancellationToken cancellationToken = default)
    {
        try
        {
            var versions = await storage.DataSource.QueryAsync("SELECT max(version) FROM schema_migrations", r => r.GetInt32(0), cancellationToken)
                .ConfigureAwait(false);
            return versions.Count == 1;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            Log.PingFailed(_logger, ex);
            return false;
        }
    }
}
