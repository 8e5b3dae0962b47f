using System.Collections.Concurrent;
using System.Threading.Channels;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace MentorBot.Core.Background;

/// <summary>
/// The owner of work started from request handlers: a bounded channel read by <see cref="BackgroundWorkOptions.MaxConcurrency"/>
/// workers. Stopping drains it: queued and running work finishes (and may queue more) until the host's shutdown
/// timeout; what is still unfinished then is cancelled and each item logged as abandoned.
/// </summary>
public sealed partial class BackgroundWorkQueue : IBackgroundWorkQueue, IHostedService, IDisposable
{
    private readonly Channel<WorkItem> _channel;
    private readonly ConcurrentDictionary<WorkItem, byte> _outstanding = new();
    private readonly CancellationTokenSource _abandon = new();
    private readonly TaskCompletionSource _idle = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly BackgroundWorkOptions _options;
    private readonly ILogger _logger;
    private Task[] _workers = [];
    private int _count;
    private int _draining;
    private volatile bool _stopped;

    public BackgroundWorkQueue(IOptions<BackgroundWorkOptions> options, ILogger<BackgroundWorkQueue>? logger = null)
    {
        _options = options.Value;
        _logger = logger ?? NullLogger<BackgroundWorkQueue>.Instance;
        // The bound is on outstanding work, waiting or running, kept by _count; the channel itself need not bound.
        _channel = Channel.CreateUnbounded<WorkItem>();
    }

    /// <summary>Items queued or running, for tests and diagnostics.</summary>
    public int Outstanding => Volatile.Read(ref _count);

    public bool TryEnqueue(string name, Func<CancellationToken, Task> work)
    {
        ArgumentNullException.ThrowIfNull(work);
        var item = new WorkItem(name, work);
        if (Interlocked.Increment(ref _count) <= _options.Capacity)
        {
            _outstanding.TryAdd(item, 0);
            if (_channel.Writer.TryWrite(item))
                return true;
            Finish(item);
        }
        else
        {
            Finish(item);
        }

        if (_stopped)
            LogRefusedStopped(_logger, name);
        else
            LogRefusedFull(_logger, name, _options.Capacity);
        return false;
    }

    public Task StartAsync(CancellationToken cancellationToken)
    {
        _workers = Enumerable.Range(0, Math.Max(1, _options.MaxConcurrency)).Select(_ => Task.Run(WorkAsync, CancellationToken.None)).ToArray();
        return Task.CompletedTask;
    }

    /// <summary>
    /// Waits for every queued and running item, and for any they queue meanwhile; <paramref name="cancellationToken"/>
    /// is the host's shutdown timeout, after which the rest is cancelled and logged.
    /// </summary>
    public async Task StopAsync(CancellationToken cancellationToken)
    {
        Interlocked.Exchange(ref _draining, 1);
        if (Volatile.Read(ref _count) == 0)
            _idle.TrySetResult();
        try
        {
            await _idle.Task.WaitAsync(cancellationToken).ConfigureAwait(false);
            _stopped = true;
            _channel.Writer.TryComplete();
            // Anything queued between the idle moment and the completion is still run by the workers.
            await Task.WhenAll(_workers).WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            _stopped = true;
            _channel.Writer.TryComplete();
            // Marked before the token fires, so a worker freed by the cancellation starts none of the queued items.
            var abandoned = 0;
            foreach (var item in _outstanding.Keys)
            {
                if (item.TryAbandon(out var wasRunning))
                {
                    abandoned++;
                    LogAbandoned(_logger, item.Name, wasRunning ? "running" : "queued");
                }
            }
            LogAbandonedCount(_logger, abandoned);
            await _abandon.CancelAsync().ConfigureAwait(false);
        }
    }

    public void Dispose() => _abandon.Dispose();

    private async Task WorkAsync()
    {
        try
        {
            while (await _channel.Reader.WaitToReadAsync(_abandon.Token).ConfigureAwait(false))
            {
                while (_channel.Reader.TryRead(out var item))
                    await RunAsync(item).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (_abandon.IsCancellationRequested)
        {
            // Shutdown gave up on the queue; StopAsync logged what was left.
        }
    }

    private async Task RunAsync(WorkItem item)
    {
        if (!item.TryStart())
        {
            Finish(item);
            return;
        }

        try
        {
            await item.Work(_abandon.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (_abandon.IsCancellationRequested)
        {
            // Abandoned at shutdown and already logged as such.
        }
        catch (Exception ex)
        {
            LogFailed(_logger, item.Name, ex);
        }
        finally
        {
            Finish(item);
        }
    }

    private void Finish(WorkItem item)
    {
        _outstanding.TryRemove(item, out _);
        if (Interlocked.Decrement(ref _count) == 0 && Volatile.Read(ref _draining) == 1)
            _idle.TrySetResult();
    }

    [LoggerMessage(EventId = 600, Level = LogLevel.Error, Message = "Background work '{Name}' failed")]
    private static partial void LogFailed(ILogger logger, string name, Exception exception);

    [LoggerMessage(EventId = 601, Level = LogLevel.Warning, Message = "Background work '{Name}' refused: {Capacity} items are already waiting or running (BackgroundWork:Capacity)")]
    private static partial void LogRefusedFull(ILogger logger, string name, int capacity);

    [LoggerMessage(EventId = 602, Level = LogLevel.Warning, Message = "Background work '{Name}' refused: the host is stopping")]
    private static partial void LogRefusedStopped(ILogger logger, string name);

    [LoggerMessage(EventId = 603, Level = LogLevel.Warning, Message = "Shutdown timeout: background work '{Name}' abandoned while {State}")]
    private static partial void LogAbandoned(ILogger logger, string name, string state);

    [LoggerMessage(EventId = 604, Level = LogLevel.Warning, Message = "Shutdown timeout: {Count} background work items abandoned")]
    private static partial void LogAbandonedCount(ILogger logger, int count);

    /// <summary>One piece of work and where it is: queued, running, done or abandoned (each item is logged at most once).</summary>
    private sealed class WorkItem(string name, Func<CancellationToken, Task> work)
    {
        private const int Queued = 0;
        private const int Running = 1;
        private const int Abandoned = 2;

        private int _state = Queued;

        public string Name => name;

        public Func<CancellationToken, Task> Work => work;

        public bool TryStart() => Interlocked.CompareExchange(ref _state, Running, Queued) == Queued;

        public bool TryAbandon(out bool wasRunning)
        {
            var previous = Interlocked.Exchange(ref _state, Abandoned);
            wasRunning = previous == Running;
            return previous != Abandoned;
        }
    }
}
