using System.Collections.Concurrent;

namespace MentorBot.Slack.WebApi;

/// <summary>
/// One token bucket per method (a minute's worth of calls as the burst) plus the pause a 429 imposed, so the bot
/// slows itself down before Slack has to, and waits out Retry-After instead of hammering.
/// </summary>
internal sealed class SlackRatePacer(TimeProvider time)
{
    private readonly ConcurrentDictionary<string, Bucket> _buckets = new(StringComparer.Ordinal);

    public async Task WaitAsync(string method, CancellationToken cancellationToken)
    {
        var bucket = _buckets.GetOrAdd(method, m => new Bucket(SlackMethodTier.CallsPerMinute(m), time.GetUtcNow()));
        while (true)
        {
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

                    wait = TimeSpan.FromMinutes((1 - bucket.Tokens) / bucket.PerMinute);
                }
            }

            await Task.Delay(wait, time, cancellationToken);
        }
    }

    public void Pause(string method, TimeSpan retryAfter)
    {
        var bucket = _buckets.GetOrAdd(method, m => new Bucket(SlackMethodTier.CallsPerMinute(m), time.GetUtcNow()));
        lock (bucket)
        {
            var until = time.GetUtcNow() + retryAfter;
            if (until > bucket.PausedUntil)
                bucket.PausedUntil = until;
        }
    }

    private sealed class Bucket(double perMinute, DateTimeOffset now)
    {
        public double PerMinute { get; } = perMinute;

        public double Tokens { get; set; } = perMinute;

        public DateTimeOffset Refilled { get; set; } = now;

        public DateTimeOffset PausedUntil { get; set; } = now;

        public void Refill(DateTimeOffset at)
        {
            var elapsed = (at - Refilled).TotalMinutes;
            if (elapsed <= 0)
                return;
            Tokens = Math.Min(PerMinute, Tokens + (elapsed * PerMinute));
            Refilled = at;
        }
    }
}
