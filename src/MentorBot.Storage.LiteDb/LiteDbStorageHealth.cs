using MentorBot.Core.Storage;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace MentorBot.Storage.LiteDb;

/// <summary>Reports the schema version and answers a ping with a trivial read of the <c>meta</c> collection.</summary>
public sealed class LiteDbStorageHealth(LiteDbContext context, ILogger<LiteDbStorageHealth>? logger = null) : IStorageHealth
{
    private readonly ILogger _logger = (ILogger?)logger ?? NullLogger.Instance;

    public int SchemaVersion => context.SchemaVersion;

    public Task<bool> PingAsync(CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        try
        {
            return Task.FromResult(context.Meta.FindById(LiteDbContext.SchemaDocumentId) is not null);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            Log.PingFailed(_logger, ex);
            return Task.FromResult(false);
        }
    }
}
