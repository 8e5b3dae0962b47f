using MentorBot.Core.Knowledge;
using MentorBot.Host.Storage;
using Microsoft.Extensions.Options;

namespace MentorBot.Host.Knowledge;

/// <summary>
/// Warns at start when the dashboard may write into the knowledge folder while storage is PostgreSQL, the mode for
/// several hosts: the change lands in this host's folder only, and hot reload watches local files, so every other host
/// keeps answering from its own copy. A single host on PostgreSQL is unaffected, so this warns rather than refuses.
/// </summary>
internal sealed partial class SharedStorageKnowledgeNotice(
    IOptions<KnowledgeOptions> knowledge, IConfiguration configuration, ILogger<SharedStorageKnowledgeNotice> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (knowledge.Value.Writable && StorageSelection.Provider(configuration) == StorageProvider.Postgres)
            LogWritableOnSharedStorage(logger);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(EventId = 1671, Level = LogLevel.Warning,
        Message = "Knowledge:Writable is true and storage is PostgreSQL: a change written from the dashboard goes into this host's knowledge folder only, and other hosts on the database keep answering from theirs. With several hosts, set Knowledge:Writable=false and deploy the downloaded patches to every host.")]
    private static partial void LogWritableOnSharedStorage(ILogger logger);
}
