using System.Collections.Concurrent;
using MentorBot.Core.Background;
using Microsoft.Extensions.Logging;

namespace MentorBot.Core.Faq.QuestionLog;

/// <summary>
/// Writes logged questions in batches on the background work queue, so <c>/faq</c> only pays for putting a record in
/// an in-memory queue. One drain is scheduled at a time and takes everything waiting, up to <see cref="MaxBatch"/> rows
/// a write, so a burst of questions costs a few storage writes rather than one each. At most <see cref="MaxPending"/>
/// questions wait; beyond that (storage far behind) new ones are dropped and counted. A failed write drops its batch
/// with a warning: the log is a statistic, and an answer must never wait for or fail on it.
/// </summary>
internal sealed partial class QuestionLogWriter(IQuestionLog store, AskerHasher hasher, IBackgroundWorkQueue queue, ILogger logger, int maxPending) : IDisposable
{
    public const int MaxBatch = 500;

    private readonly ConcurrentQueue<PendingQuestion> _pending = new();
    private readonly SemaphoreSlim _drain = new(1, 1);
    private int _count;
    private int _scheduled;
    private int _dropped;

    public void Enqueue(PendingQuestion question)
    {
        if (Interlocked.Increment(ref _count) > maxPending)
        {
            Interlocked.Decrement(ref _count);
            Interlocked.Increment(ref _dropped);
            return;
        }
        _pending.Enqueue(question);
        if (Interlocked.CompareExchange(ref _scheduled, 1, 0) == 0 && !queue.TryEnqueue("question log write", DrainAsync))
            Volatile.Write(ref _scheduled, 0);
    }

    /// <summary>Writes everything queued before the call (a vote must find the question it rates).</summary>
    public async Task FlushAsync(CancellationToken cancellationToken)
    {
        if (Volatile.Read(ref _count) == 0)
            return;
        await DrainAsync(cancellationToken).ConfigureAwait(false);
    }

    public void Dispose() => _drain.Dispose();

    private async Task DrainAsync(CancellationToken cancellationToken)
    {
        await _drain.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            // Cleared before taking items: one enqueued from here on schedules a drain of its own.
            Volatile.Write(ref _scheduled, 0);
            var batch = new List<PendingQuestion>();
            while (true)
            {
                batch.Clear();
                while (batch.Count < MaxBatch && _pending.TryDequeue(out var question))
                    batch.Add(question);
                if (batch.Count == 0)
                    break;
                await WriteAsync(batch, cancellationToken).ConfigureAwait(false);
                Interlocked.Add(ref _count, -batch.Count);
            }
            if (Interlocked.Exchange(ref _dropped, 0) is var dropped and > 0)
                LogDropped(logger, dropped, maxPending);
        }
        finally
        {
            _drain.Release();
        }
    }

    private async Task WriteAsync(List<PendingQuestion> batch, CancellationToken cancellationToken)
    {
        try
        {
            var rows = new List<LoggedQuestion>(batch.Count);
            foreach (var question in batch)
            {
                var asker = await hasher.HashAsync(question.Community, question.Asker, cancellationToken).ConfigureAwait(false);
                rows.Add(new LoggedQuestion(
                    question.Id, question.Community, question.Text, AnswerCache.Normalise(question.Text), question.At,
                    QuestionDecision.From(question.Result), question.EngineVersion, asker));
            }
            await store.AppendAsync(rows, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            LogWriteFailed(logger, ex, batch.Count);
        }
    }

    [LoggerMessage(EventId = 1400, Level = LogLevel.Warning, Message = "Could not write {Count} questions to the question log; they are not logged (the answers were not affected)")]
    private static partial void LogWriteFailed(ILogger logger, Exception exception, int count);

    [LoggerMessage(EventId = 1401, Level = LogLevel.Warning, Message = "{Count} questions were not logged: {Max} were already waiting for storage (Faq:QuestionLog:MaxPending)")]
    private static partial void LogDropped(ILogger logger, int count, int max);
}
