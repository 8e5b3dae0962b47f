using System.Collections.Concurrent;

namespace MentorBot.Core.Storage;

/// <summary>
/// <see cref="IReplayGuard"/> for one host (LiteDB mode). Memory is bounded by time: at most once a minute, on the
/// next call, every expired key is dropped, so what is held is what arrived within the longest expiry.
/// </summary>
public sealed class InMemoryReplayGuard(TimeProvider time) : IReplayGuard
{
    private static readonly TimeSpan PruneEvery = TimeSpan.FromMinutes(1);

    private readonly ConcurrentDictionary<string, DateTimeOffset> _seen = new(StringComparer.Ordinal);
    private long _nextPruneTicks = time.GetUtcNow().Add(PruneEvery).UtcTicks;

    /// <summary>How many keys are held now, expired ones not yet pruned included.</summary>
    public int Count => _seen.Count;

    public ValueTask<bool> TryRememberAsync(string key, DateTimeOffset expiresAt, CancellationToken cancellationToken = default)
    {
        var now = time.GetUtcNow();
        PruneIfDue(now);
        while (true)
        {
            if (_seen.TryAdd(key, expiresAt))
                return ValueTask.FromResult(true);
            if (_seen.TryGetValue(key, out var existing))
            {
                if (existing > now)
                    return ValueTask.FromResult(false);
                if (_seen.TryUpdate(key, expiresAt, existing))
                    return ValueTask.FromResult(true);
            }
            // Another caller changed or pruned the entry in between; look again.
        }
    }

    private void PruneIfDue(DateTimeOffset now)
    {
        var due = Interlocked.Read(ref _nextPruneTicks);
        if (now.UtcTicks < due || Interlocked.CompareExchange(ref _nextPruneTicks, now.Add(PruneEvery).UtcTicks, due) != due)
            return;
        foreach (var (key, expiresAt) in _seen)
        {
            if (expiresAt <= now)
                _seen.TryRemove(new KeyValuePair<string, DateTimeOffset>(key, expiresAt));
        }
    }
}
