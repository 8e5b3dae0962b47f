using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace MentorBot.Core.Faq.QuestionLog;

/// <summary>
/// Deletes logged questions older than <c>Faq:QuestionLog:Retention</c> at start and then once a day (by
/// <see cref="TimeProvider"/>), whether or not logging is on, so switching the log off does not keep old rows forever.
/// </summary>
public sealed partial class QuestionLogPruner(
    IOptions<QuestionLogOptions> options,
    TimeProvider time,
    ILogger<QuestionLogPruner>? logger = null,
    IQuestionLog? store = null) : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromDays(1);

    private readonly ILogger _logger = (ILogger?)logger ?? NullLogger.Instance;
    private int _passes;

    /// <summary>Prune passes finished (successful or not), for tests.</summary>
    public int Passes => Volatile.Read(ref _passes);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (store is null)
            return;
        var retention = options.Value.Retention;
        while (!stoppingToken.IsCancellationRequested)
        {
            // The next pass is due a day after this one started, however long it took or when the delay begins.
            var next = time.GetUtcNow() + Interval;
            try
            {
                var pruned = await store.PruneAsync(time.GetUtcNow() - retention, stoppingToken).ConfigureAwait(false);
                if (pruned > 0)
                    LogPruned(_logger, pruned, retention);
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
            {
                LogPruneFailed(_logger, ex);
            }
            Interlocked.Increment(ref _passes);

            var wait = next - time.GetUtcNow();
            if (wait > TimeSpan.Zero)
                await Task.Delay(wait, time, stoppingToken).ConfigureAwait(false);
        }
    }

    [LoggerMessage(EventId = 1404, Level = LogLevel.Information, Message = "Question log: pruned {Count} questions older than {Retention}")]
    private static partial void LogPruned(ILogger logger, int count, TimeSpan retention);

    [LoggerMessage(EventId = 1405, Level = LogLevel.Warning, Message = "Question log: pruning failed; it is retried tomorrow")]
    private static partial void LogPruneFailed(ILogger logger, Exception exception);
}
