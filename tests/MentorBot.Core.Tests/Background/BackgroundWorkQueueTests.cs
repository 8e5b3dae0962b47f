using System.Collections.Concurrent;
using MentorBot.Core.Background;
using MentorBot.Testing;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace MentorBot.Core.Tests.Background;

/// <summary>
/// The queue driven by events: work items wait on gates the test opens, and the host's shutdown timeout is a token
/// on a fake clock. Nothing waits on real time.
/// </summary>
public sealed class BackgroundWorkQueueTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    private readonly LogLines _log = new();

    [Fact]
    public async Task Work_beyond_the_capacity_is_refused_and_logged_and_the_room_comes_back_once_work_finishes()
    {
        using var queue = Queue(capacity: 3, maxConcurrency: 1);
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var done = new CountdownEvent(3);
        for (var i = 0; i < 3; i++)
            Assert.True(queue.TryEnqueue($"item {i}", async _ => { await gate.Task; done.Signal(); }));

        Assert.False(queue.TryEnqueue("one too many", _ => Task.CompletedTask));
        Assert.Contains(_log.Lines, l => l.Level == LogLevel.Warning && l.Message.Contains("'one too many' refused", StringComparison.Ordinal)
            && l.Message.Contains("BackgroundWork:Capacity", StringComparison.Ordinal));
        Assert.Equal(3, queue.Outstanding);

        await queue.StartAsync(CancellationToken.None);
        gate.SetResult();
        Assert.True(done.Wait(Patience));
        await Wait.UntilAsync(() => queue.Outstanding == 0, "the finished items to leave the queue", (int)Patience.TotalMilliseconds);
        var ran = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        Assert.True(queue.TryEnqueue("after the rush", _ => { ran.SetResult(); return Task.CompletedTask; }));
        await ran.Task.WaitAsync(Patience);
        await queue.StopAsync(CancellationToken.None);
    }

    [Fact]
    public async Task No_more_than_MaxConcurrency_items_run_at_once()
    {
        using var queue = Queue(capacity: 100, maxConcurrency: 2);
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var twoRunning = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var running = 0;
        var most = 0;
        var done = new CountdownEvent(6);
        for (var i = 0; i < 6; i++)
        {
            queue.TryEnqueue($"item {i}", async _ =>
            {
                var now = Interlocked.Increment(ref running);
                InterlockedMax(ref most, now);
                if (now == 2)
                    twoRunning.TrySetResult();
                await gate.Task;
                Interlocked.Decrement(ref running);
                done.Signal();
            });
        }

        await queue.StartAsync(CancellationToken.None);
        await twoRunning.Task.WaitAsync(Patience);
        gate.SetResult();
        Assert.True(done.Wait(Patience));

        Assert.Equal(2, Volatile.Read(ref most));
        await queue.StopAsync(CancellationToken.None);
    }

    [Fact]
    public async Task Stopping_waits_for_running_and_queued_work_and_for_work_they_queue_then_refuses_more()
    {
        using var queue = Queue(capacity: 100, maxConcurrency: 1);
        await queue.StartAsync(CancellationToken.None);
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var finished = new ConcurrentQueue<string>();
        queue.TryEnqueue("first", async _ =>
        {
            started.SetResult();
            await gate.Task;
            // A deferred answer queued by work that is itself draining must still go out.
            queue.TryEnqueue("queued while draining", _ => { finished.Enqueue("queued while draining"); return Task.CompletedTask; });
            finished.Enqueue("first");
        });
        queue.TryEnqueue("second", _ => { finished.Enqueue("second"); return Task.CompletedTask; });
        await started.Task.WaitAsync(Patience);

        var stopping = queue.StopAsync(CancellationToken.None);
        Assert.False(stopping.IsCompleted);
        gate.SetResult();
        await stopping.WaitAsync(Patience);

        Assert.Equal(["first", "second", "queued while draining"], finished.ToArray());
        Assert.Equal(0, queue.Outstanding);
        Assert.False(queue.TryEnqueue("too late", _ => Task.CompletedTask));
        Assert.Contains(_log.Lines, l => l.Message.Contains("'too late' refused: the host is stopping", StringComparison.Ordinal));
        Assert.DoesNotContain(_log.Lines, l => l.Message.Contains("abandoned", StringComparison.Ordinal));
    }

    [Fact]
    public async Task At_the_shutdown_timeout_unfinished_work_is_cancelled_and_each_item_is_logged()
    {
        var time = new FakeTimeProvider();
        using var queue = Queue(capacity: 100, maxConcurrency: 1);
        await queue.StartAsync(CancellationToken.None);
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var cancelled = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var secondRan = false;
        queue.TryEnqueue("stuck reply", async token =>
        {
            started.SetResult();
            try
            {
                await new TaskCompletionSource().Task.WaitAsync(token);
            }
            catch (OperationCanceledException)
            {
                cancelled.SetResult();
                throw;
            }
        });
        queue.TryEnqueue("waiting reply", _ => { secondRan = true; return Task.CompletedTask; });
        await started.Task.WaitAsync(Patience);

        // The host's shutdown timeout, on the fake clock.
        using var shutdownTimeout = new CancellationTokenSource(TimeSpan.FromSeconds(30), time);
        var stopping = queue.StopAsync(shutdownTimeout.Token);
        Assert.False(stopping.IsCompleted);
        time.Advance(TimeSpan.FromSeconds(30));
        await stopping.WaitAsync(Patience);

        await cancelled.Task.WaitAsync(Patience);
        Assert.False(secondRan);
        Assert.Contains(_log.Lines, l => l.Level == LogLevel.Warning && l.Message.Contains("'stuck reply' abandoned while running", StringComparison.Ordinal));
        Assert.Contains(_log.Lines, l => l.Level == LogLevel.Warning && l.Message.Contains("'waiting reply' abandoned while queued", StringComparison.Ordinal));
        Assert.Contains(_log.Lines, l => l.Message.Contains("2 background work items abandoned", StringComparison.Ordinal));
        Assert.DoesNotContain(_log.Lines, l => l.Level == LogLevel.Error);
    }

    [Fact]
    public async Task A_failing_item_is_logged_by_name_and_the_next_one_still_runs()
    {
        using var queue = Queue(capacity: 100, maxConcurrency: 1);
        await queue.StartAsync(CancellationToken.None);
        var ran = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

        queue.TryEnqueue("broken", _ => throw new InvalidOperationException("boom"));
        queue.TryEnqueue("fine", _ => { ran.SetResult(); return Task.CompletedTask; });
        await ran.Task.WaitAsync(Patience);
        await queue.StopAsync(CancellationToken.None);

        var failure = Assert.Single(_log.Lines, l => l.Level == LogLevel.Error);
        Assert.Contains("'broken' failed", failure.Message, StringComparison.Ordinal);
        Assert.IsType<InvalidOperationException>(failure.Exception);
    }

    private BackgroundWorkQueue Queue(int capacity, int maxConcurrency) =>
        new(Options.Create(new BackgroundWorkOptions { Capacity = capacity, MaxConcurrency = maxConcurrency }), _log);

    private static void InterlockedMax(ref int target, int value)
    {
        int current;
        while ((current = Volatile.Read(ref target)) < value && Interlocked.CompareExchange(ref target, value, current) != current)
        {
        }
    }

    private sealed class LogLines : ILogger<BackgroundWorkQueue>
    {
        public ConcurrentQueue<(LogLevel Level, string Message, Exception? Exception)> Lines { get; } = new();

        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            Lines.Enqueue((logLevel, formatter(state, exception), exception));
    }
}
