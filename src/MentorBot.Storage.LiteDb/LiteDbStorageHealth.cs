using MentorBot.Core.Storage;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace MentorBot.Storage.LiteDb;

/// <summary>
/// Reports the schema version and answers a ping with a trivial read of the <c>meta</c> collection. While the disk is
/// full, a ping first tries a one-page write, so the health clears by itself once there is space again; but only once
/// the volume has <see cref="RecoveryHeadroom"/> free. The few pages a refused transaction gives back when LiteDB drops
/// it would otherwise let the probe through on a disk that is still full, and the health would flap.
/// </summary>
public sealed class LiteDbStorageHealth(LiteDbContext context, ILogger<LiteDbStorageHealth>? logger = null) : IStorageHealth
{
    private readonly ILogger _logger = (ILogger?)logger ?? NullLogger.Instance;

    internal const string ProbeDocumentId = "health-probe";

    /// <summary>Free space the database's volume needs before a full disk counts as recovered.</summary>
    public const long RecoveryHeadroom = 1 << 20;

    public int SchemaVersion => context.SchemaVersion;

    public bool Full => context.Full;

    public Task<bool> PingAsync(CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        try
        {
            if (context.Full && HasHeadroom())
                ProbeWrite();
            return Task.FromResult(ReadSchema());
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            Log.PingFailed(_logger, ex);
            return Task.FromResult(false);
        }
    }

    /// <summary>
    /// On a full disk, an engine opened after a failure can fail its first read: LiteDB writes the leftover log back
    /// into the data file in the background when it opens, and that write fails too. The failure reopens the engine
    /// again (<see cref="ReopeningLiteEngine"/>), so the read is tried a few times before the storage counts as down.
    /// </summary>
    private bool ReadSchema()
    {
        const int Attempts = 3;
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return context.Meta.FindById(LiteDbContext.SchemaDocumentId) is not null;
            }
            catch (StorageFullException) when (attempt < Attempts)
            {
            }
        }
    }

    private bool HasHeadroom()
    {
        try
        {
            return new DriveInfo(Path.GetDirectoryName(context.DatabasePath)!).AvailableFreeSpace >= RecoveryHeadroom;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException)
        {
            // A volume that cannot be asked (some network file systems): the probe write alone decides.
            return true;
        }
    }

    private void ProbeWrite()
    {
        try
        {
            context.Meta.Upsert(new Documents.MetaDocument { Id = ProbeDocumentId, Version = 0 });
            context.MarkWritable();
        }
        catch (StorageFullException)
        {
            // Still full; Full stays set and the ping reports it.
        }
    }
}
