using MentorBot.Core.Storage;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace MentorBot.Storage.LiteDb;

/// <summary>
/// Reports the schema version and answers a ping with a trivial read of the <c>meta</c> collection. While the disk is
/// full, a ping first tries a one-page write, so the health clears by itself once there is space again.
/// </summary>
public sealed class LiteDbStorageHealth(LiteDbContext context, ILogger<LiteDbStorageHealth>? logger = null) : IStorageHealth
{
    private readonly ILogger _logger = (ILogger?)logger ?? NullLogger.Instance;

    internal const string ProbeDocumentId = "health-probe";

    public int SchemaVersion => context.SchemaVersion;

    public bool Full => context.Full;

    public Task<bool> PingAsync(CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        try
        {
            if (context.Full)
                ProbeWrite();
            return Task.FromResult(context.Meta.FindById(LiteDbContext.SchemaDocumentId) is not null);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            Log.PingFailed(_logger, ex);
            return Task.FromResult(false);
        }
    }

    private void ProbeWrite()
    {
        try
        {
            context.Meta.Upsert(new Documents.MetaDocument { Id = ProbeDocumentId, Version = 0 });
        }
        catch (StorageFullException)
        {
            // Still full; Full stays set and the ping reports it.
        }
    }
}
