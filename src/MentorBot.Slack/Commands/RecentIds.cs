using System.Collections.Concurrent;

namespace MentorBot.Slack.Commands;

/// <summary>
/// Remembers ids (event ids, envelope ids) long enough to outlive Slack's retries (the last one comes about five
/// minutes after the first), so a retried delivery is acknowledged but never handled twice.
/// </summary>
public sealed class RecentIds(TimeProvider time, TimeSpan keepFor)
{
    private readonly ConcurrentDictionary<string, DateTimeOffset> _seen = new(StringComparer.Ordinal);
    private long _adds;

    /// <summary>True the first time an id is seen, false for every repeat within <c>keepFor</c>.</summary>
    public bool TryAdd(string id)
    {
        var now = time.GetUtcNow();
        if (Interlocked.Increment(ref _adds) % 256 == 0)
            Prune(now);
        if (_seen.TryAdd(id, now))
            return true;
        if (_seen.TryGetValue(id, out var at) && now - at > keepFor && _seen.TryUpdate(id, now, at))
            return true;
        return false;
    }

    private void Prune(DateTimeOffset now)
    {
        foreach (var (id, at) in _seen)
        {
            if (now - at > keepFor)
                _seen.TryRemove(new KeyValuePair<string, DateTimeOffset>(id, at));
        }
    }
}
