using Microsoft.Extensions.Time.Testing;

namespace MentorBot.Testing.Time;

/// <summary>
/// A <see cref="FakeTimeProvider"/> that reports each timer as it is armed, so a test can wait until the code under
/// test is really waiting (for a backoff, a heartbeat, a timeout) before it moves the clock, instead of sleeping and
/// hoping the timer exists by then.
/// </summary>
public sealed class WatchedTimeProvider(DateTimeOffset start) : FakeTimeProvider(start)
{
    private readonly List<(TimeSpan Due, bool Taken)> _armed = [];
    private TaskCompletionSource _changed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public WatchedTimeProvider()
        : this(new DateTimeOffset(2026, 11, 23, 10, 0, 0, TimeSpan.Zero))
    {
    }

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = base.CreateTimer(callback, state, dueTime, period);
        TaskCompletionSource changed;
        lock (_armed)
        {
            _armed.Add((dueTime, false));
            changed = _changed;
            _changed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        }
        changed.TrySetResult();
        return timer;
    }

    /// <summary>
    /// Waits until a timer due after exactly <paramref name="due"/> has been armed (one not returned before) and takes it.
    /// </summary>
    public Task WaitForTimerAsync(TimeSpan due, TimeSpan? timeout = null) =>
        WaitForTimerAsync(armed => armed == due, due.ToString(), timeout);

    /// <summary>Waits until a timer whose due time satisfies <paramref name="match"/> has been armed and takes it; returns its due time.</summary>
    public async Task<TimeSpan> WaitForTimerAsync(Func<TimeSpan, bool> match, string what, TimeSpan? timeout = null)
    {
        var deadline = Environment.TickCount64 + (long)(timeout ?? TimeSpan.FromSeconds(10)).TotalMilliseconds;
        while (true)
        {
            Task changed;
            lock (_armed)
            {
                var index = _armed.FindIndex(t => !t.Taken && match(t.Due));
                if (index >= 0)
                {
                    var due = _armed[index].Due;
                    _armed[index] = (due, true);
                    return due;
                }
                changed = _changed.Task;
            }
            var left = deadline - Environment.TickCount64;
            if (left <= 0)
                throw new TimeoutException($"No timer of {what} was armed; armed: {string.Join(", ", Armed)}.");
            await Task.WhenAny(changed, Task.Delay(TimeSpan.FromMilliseconds(left))).ConfigureAwait(false);
        }
    }

    /// <summary>Every timer armed so far (due times), for failure messages.</summary>
    public IReadOnlyList<TimeSpan> Armed
    {
        get
        {
            lock (_armed)
                return _armed.Select(t => t.Due).ToList();
        }
    }
}
