namespace MentorBot.Discord.Gateway;

/// <summary>
/// Identify turns within one process: each bucket hands out a turn at most once per <see cref="Interval"/>, in the
/// order asked. Enough for a bot whose shards all run in this host.
/// </summary>
public sealed class InProcessIdentifyGate(TimeProvider time, TimeSpan? interval = null) : IIdentifyGate
{
    private readonly Lock _gate = new();
    private readonly Dictionary<int, DateTimeOffset> _nextTurn = [];

    public TimeSpan Interval { get; } = interval ?? IdentifyTiming.Interval;

    public async ValueTask WaitTurnAsync(int bucket, CancellationToken cancellationToken)
    {
        DateTimeOffset turn;
        var now = time.GetUtcNow();
        lock (_gate)
        {
            turn = _nextTurn.TryGetValue(bucket, out var next) && next > now ? next : now;
            // Reserved before waiting, so callers queue up in order instead of racing for the same moment.
            _nextTurn[bucket] = turn + Interval;
        }
        if (turn > now)
            await Task.Delay(turn - now, time, cancellationToken).ConfigureAwait(false);
    }
}
