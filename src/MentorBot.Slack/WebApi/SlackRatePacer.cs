using System.Collections.Concurrent;

namespace MentorBot.Slack.WebApi;

/// <summary>
/// Token buckets keyed by what Slack limits (a method, or a method in one channel) plus the pause a 429 imposed, so
/// the bot slows itself down before Slack has to, and waits out Retry-After instead of hammering.
/// </summary>
internal sealed class SlackRatePacer(TimeProvider time)
{
    // One bucket per channel the bot ever posted to; idle ones are full again and carry no state worth keeping.
    private const int SweepAbove = 4096;

    private readonly ConcurrentDictionary<string, Bucket> _buckets = new(StringComparer.Ordinal);

    public async Task WaitAsync(string key, SlackRate rate, CancellationToken cancellationToken)
    {
        while (true)
        {
            var bucket = BucketFor(key, rate);
            TimeSpan wait;
            lock (bucket)
            {
                var now = time.GetUtcNow();
                bucket.Refill(now);
                wait = bucket.PausedUntil > now ? bucket.PausedUntil - now : TimeSpan.Zero;
                if (wait == TimeSpan.Zero)
                {
                    if (bucket.Tokens >= 1)
                    {
                        bucket.Tokens -= 1;
                        return;
                    }

                    wait = TimeSpan.FromMinutes((1 - bucket.Tokens) / bucket.Rate.PerMinute);
                }
            }

            await Task.Delay(wait, time, cancellationToken).ConfigureAwait(false);
        }
    }

    public void Pause(string key, SlackRate rate, TimeSpan retryAfter)
    {
        var bucket = BucketFor(key, rate);
        lock (bucket)
        {
            var until = time.GetUtcNow() + retryAfter;
            if (until > bucket.PausedUntil)
                bucket.PausedUntil = until;
        }
    }

    private Bucket BucketFor(string key, SlackRate rate)
    {
        if (_buckets.TryGetValue(key, out var bucket))
            return bucket;
        if (_buckets.Count >= SweepAbove)
            Sweep();
        return _buckets.GetOrAdd(key, _ => new Bucket(rate, time.GetUtcNow()));
    }

    private void Sweep()
    {
        var now = time.GetUtcNow();
        foreach (var (key, bucket) in _buckets)
        {
            lock (bucket)
            {
                bucket.Refill(now);
                if (bucket.Tokens < bucket.Rate.Burst || bucket.PausedUntil > now)
                    continue;
                // A waiter that still holds this bucket consumes from a detached copy of a full bucket: harmless.
                _buckets.TryRemove(new KeyValuePair<string, Bucket>(key, bucket));
            }
        }
    }

    private sealed class Bucket(SlackRate rate, DateTimeOffset now)
    {
        public SlackRate Rate { get; } = rate;

        public double Tokens { get; set; } = rate.Burst;

        public DateTimeOffset Refilled { get; set; } = now;

        public DateTimeOffset PausedUntil { get; set; } = now;

        public void Refill(DateTimeOffset at)
        {
            var elapsed = (at - Refilled).TotalMinutes;
            if (elapsed <= 0)
                return;
            Tokens = Math.Min(Rate.Burst, Tokens + (elapsed * Rate.PerMinute));
            Refilled = at;
        }
    }
}
