namespace MentorBot.Discord.Gateway;

/// <summary>
/// Identify turns within one process: one turn per bucket at a time, in the order asked, each at least
/// <see cref="Interval"/> after the previous turn of its bucket ended. Enough for a bot whose shards all run in this host.
/// </summary>
public sealed class InProcessIdentifyGate(TimeProvider time, TimeSpan? interval = null) : IIdentifyGate
{
    private readonly Lock _gate = new();
    private readonly Dictionary<int, Bucket> _buckets = [];

    public TimeSpan Interval { get; } = interval ?? IdentifyTiming.Interval;

    public async ValueTask<IAsyncDisposable> WaitTurnAsync(int bucket, CancellationToken cancellationToken)
    {
        Bucket state;
        lock (_gate)
        {
            if (!_buckets.TryGetValue(bucket, out state!))
                _buckets[bucket] = state = new Bucket();
        }

        // SemaphoreSlim queues its asynchronous waiters first come, first served.
        await state.Turn.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (state.LastEnded is { } ended && ended + Interval - time.GetUtcNow() is { Ticks: > 0 } wait)
                await Task.Delay(wait, time, cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            state.Turn.Release();
            throw;
        }

        return new Turn(state, time);
    }

    private sealed class Bucket
    {
        public SemaphoreSlim Turn { get; } = new(1, 1);

        public DateTimeOffset? LastEnded { get; set; }
    }

    private sealed class Turn(Bucket bucket, TimeProvider time) : IAsyncDisposable
    {
        private int _ended;

        public ValueTask DisposeAsync()
        {
            if (Interlocked.Exchange(ref _ended, 1) == 0)
            {
                bucket.LastEnded = time.GetUtcNow();
                bucket.Turn.Release();
            }

            return ValueTask.CompletedTask;
        }
    }
}
