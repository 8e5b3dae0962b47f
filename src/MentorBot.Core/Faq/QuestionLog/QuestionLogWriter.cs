using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace MentorBot.Core.Faq.QuestionLog;

/// <summary>
/// Writes logged questions from one background loop, in batches, so <c>/faq</c> only pays for putting a record in an
/// in-memory queue. The loop gathers questions for up to <c>Faq:QuestionLog:FlushInterval</c> (by
/// <see cref="TimeProvider"/>) and then writes all of them, <see cref="MaxBatch"/> rows a storage write: one
/// transaction or one COPY per batch instead of one per question. A full batch, a <see cref="FlushAsync"/> or
/// disposal writes at once. At most <c>MaxPending</c> questions wait; beyond that (storage far behind) new ones are
/// dropped, counted, and reported once per <see cref="DropReportInterval"/>. A failed write drops its batch with a
/// warning: the log is a statistic, and an answer must never wait for or fail on it.
/// </summary>
internal sealed partial class QuestionLogWriter : IAsyncDisposable
{
    /// <summary>
    /// Rows a storage write (see <see cref="IQuestionLog.MaxAppendBatch"/>): at 500, a busy /faq paid more for commits
    /// than for questions.
    /// </summary>
    public const int MaxBatch = IQuestionLog.MaxAppendBatch;

    /// <summary>How often at most the number of dropped questions is logged, so a stalled database does not flood the log.</summary>
    public static readonly TimeSpan DropReportInterval = TimeSpan.FromMinutes(1);

    private readonly IQuestionLog _store;
    private readonly AskerHasher _hasher;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly int _maxPending;
    private readonly TimeSpan _interval;
    private readonly ConcurrentQueue<PendingQuestion> _pending = new();
    private readonly Lock _gate = new();
    // Never disposed: Abandon may come after disposal, and a token source without a timer holds nothing to release.
    private readonly CancellationTokenSource _abandon = new();
    private readonly Task _loop;
    private List<TaskCompletionSource>? _flushWaiters;
    private TaskCompletionSource _wake = NewSignal();
    private int _count;
    private int _dropped;
    private long _nextDropReport = long.MinValue;
    private volatile bool _stopping;
    private bool _finished;

    public QuestionLogWriter(IQuestionLog store, AskerHasher hasher, TimeProvider time, ILogger logger, int maxPending, TimeSpan flushInterval)
    {
        _store = store;
        _hasher = hasher;
        _time = time;
        _logger = logger;
        _maxPending = maxPending;
        _interval = flushInterval;
        _loop = Task.Run(RunAsync);
    }

    /// <summary>Questions queued and not yet written, for tests and diagnostics.</summary>
    public int Pending => Volatile.Read(ref _count);

    /// <summary>Queues a question; never blocks. Dropped (and counted) when the queue is full or the log is disposed.</summary>
    public void Enqueue(PendingQuestion question)
    {
        if (_stopping)
        {
            Drop();
            return;
        }
        var count = Interlocked.Increment(ref _count);
        if (count > _maxPending)
        {
            Interlocked.Decrement(ref _count);
            Drop();
            return;
        }
        _pending.Enqueue(question);
        // The loop sleeps without a timer while nothing waits, and waits out the interval while a batch fills: only
        // the first question and a full batch need to wake it, not every question.
        if (count == 1 || count == MaxBatch)
            Wake();
    }

    /// <summary>
    /// Writes everything queued before the call (a vote must find the question it rates, /forget must not leave one
    /// to be written after it). Returns when those are written, or dropped by a failed write.
    /// </summary>
    public Task FlushAsync(CancellationToken cancellationToken)
    {
        var flushed = NewSignal();
        lock (_gate)
        {
            if (_finished)
                return Task.CompletedTask;
            (_flushWaiters ??= []).Add(flushed);
        }
        Wake();
        return flushed.Task.WaitAsync(cancellationToken);
    }

    /// <summary>Stops waiting for storage: the write under way is cancelled and what is still queued is dropped (shutdown timeout).</summary>
    public void Abandon() => _abandon.Cancel();

    /// <summary>Writes everything still queued, then stops; questions queued from now on are dropped.</summary>
    public async ValueTask DisposeAsync()
    {
        _stopping = true;
        // A full fence between the flag and reading the signal: the loop swaps the signal (a full fence) and then reads
        // the flag, so one of the two sides sees the other. A volatile write alone may be read after the signal, and
        // then the loop could sleep on a fresh signal nobody completes while this waits for it forever.
        Interlocked.MemoryBarrier();
        Wake();
        await _loop.ConfigureAwait(false);
        ReportDrops(force: true);
    }

    private async Task RunAsync()
    {
        var batch = new List<PendingQuestion>(MaxBatch);
        long? windowEnds = null;
        while (true)
        {
            // Reset before looking at what it signals, so a signal given from here on is not lost.
            var wake = Volatile.Read(ref _wake);
            if (wake.Task.IsCompleted)
            {
                wake = NewSignal();
                Interlocked.Exchange(ref _wake, wake);
            }
            List<TaskCompletionSource>? waiters;
            lock (_gate)
            {
                waiters = _flushWaiters;
                _flushWaiters = null;
            }
            var stopping = _stopping;
            var count = Volatile.Read(ref _count);

            if (waiters is null && !stopping)
            {
                if (count == 0)
                {
                    windowEnds = null;
                    await wake.Task.ConfigureAwait(false);
                    continue;
                }
                if (count < MaxBatch)
                {
                    // The window opens with the first question waiting and survives wake-ups, so it cannot be pushed back.
                    windowEnds ??= _time.GetUtcNow().UtcTicks + _interval.Ticks;
                    var left = TimeSpan.FromTicks(windowEnds.Value - _time.GetUtcNow().UtcTicks);
                    if (left > TimeSpan.Zero)
                    {
                        using var stopDelay = new CancellationTokenSource();
                        var delay = Task.Delay(left, _time, stopDelay.Token);
                        if (await Task.WhenAny(delay, wake.Task).ConfigureAwait(false) != delay)
                        {
                            await stopDelay.CancelAsync().ConfigureAwait(false);
                            continue;
                        }
                    }
                }
            }

            windowEnds = null;
            await WriteQueuedAsync(batch, drain: waiters is not null || stopping).ConfigureAwait(false);
            foreach (var waiter in waiters ?? [])
                waiter.TrySetResult();
            ReportDrops(force: false);
            if (stopping && _pending.IsEmpty)
                break;
        }
        // A question that slipped in while the loop was finishing is dropped like one queued after it.
        while (_pending.TryDequeue(out _))
        {
            Interlocked.Decrement(ref _count);
            Interlocked.Increment(ref _dropped);
        }
        // Flushes asked for while the loop was finishing, or after it, have nothing left to wait for.
        lock (_gate)
        {
            _finished = true;
            foreach (var waiter in _flushWaiters ?? [])
                waiter.TrySetResult();
            _flushWaiters = null;
        }
    }

    /// <summary>
    /// Writes what is queued. With <paramref name="drain"/> (a flush or the stop) it writes until the queue is empty, so
    /// everything queued before the request is written when it returns; otherwise it writes one batch, and more only
    /// while full batches wait. Questions that arrived during the write wait for their own interval: under steady load
    /// every write ends with a few queued, and writing them at once was one commit per handful of questions, back to back.
    /// </summary>
    private async Task WriteQueuedAsync(List<PendingQuestion> batch, bool drain)
    {
        while (true)
        {
            batch.Clear();
            while (batch.Count < MaxBatch && _pending.TryDequeue(out var question))
                batch.Add(question);
            if (batch.Count == 0)
                return;
            if (_abandon.IsCancellationRequested)
                LogAbandoned(_logger, batch.Count);
            else
                await WriteAsync(batch).ConfigureAwait(false);
            if (Interlocked.Add(ref _count, -batch.Count) < MaxBatch && !drain)
                return;
        }
    }

    private async Task WriteAsync(List<PendingQuestion> batch)
    {
        var cancellationToken = _abandon.Token;
        try
        {
            var rows = new List<LoggedQuestion>(batch.Count);
            foreach (var question in batch)
            {
                var asker = await _hasher.HashAsync(question.Community, question.Asker, cancellationToken).ConfigureAwait(false);
                rows.Add(new LoggedQuestion(
                    question.Id, question.Community, question.Text, AnswerCache.Normalise(question.Text), question.At,
                    QuestionDecision.From(question.Result), question.EngineVersion, asker));
            }
            await _store.AppendAsync(rows, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            LogAbandoned(_logger, batch.Count);
        }
        catch (Exception ex)
        {
            LogWriteFailed(_logger, ex, batch.Count);
        }
    }

    private void Drop()
    {
        Interlocked.Increment(ref _dropped);
        ReportDrops(force: false);
    }

    /// <summary>Logs the questions dropped since the last report, at most once per <see cref="DropReportInterval"/>.</summary>
    private void ReportDrops(bool force)
    {
        if (Volatile.Read(ref _dropped) == 0)
            return;
        var now = _time.GetUtcNow().UtcTicks;
        var due = Interlocked.Read(ref _nextDropReport);
        if (!force && now < due)
            return;
        // One reporter per interval: whoever moves the due time forward logs.
        if (Interlocked.CompareExchange(ref _nextDropReport, now + DropReportInterval.Ticks, due) != due)
            return;
        if (Interlocked.Exchange(ref _dropped, 0) is var dropped and > 0)
            LogDropped(_logger, dropped, _maxPending, DropReportInterval);
    }

    private void Wake() => Volatile.Read(ref _wake).TrySetResult();

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);

    [LoggerMessage(EventId = 1400, Level = LogLevel.Warning, Message = "Could not write {Count} questions to the question log; they are not logged (the answers were not affected)")]
    private static partial void LogWriteFailed(ILogger logger, Exception exception, int count);

    [LoggerMessage(EventId = 1450, Level = LogLevel.Warning, Message = "{Count} questions were not logged: the queue was full ({Max} waiting for storage, Faq:QuestionLog:MaxPending) or the log had stopped; reported at most once per {Interval}")]
    private static partial void LogDropped(ILogger logger, int count, int max, TimeSpan interval);

    [LoggerMessage(EventId = 1451, Level = LogLevel.Warning, Message = "Shutdown timeout: {Count} queued questions were not written to the question log")]
    private static partial void LogAbandoned(ILogger logger, int count);
}
