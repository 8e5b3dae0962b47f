using System.Globalization;
using System.Net.Http.Headers;

namespace MentorBot.Discord.Rest;

/// <summary>
/// Client-side view of Discord's rate limits: per bucket and top-level resource from the <c>X-RateLimit-*</c> headers,
/// the global limit (50 requests per second unless Discord raised it for the bot), pauses after a 429, and a cap on
/// invalid requests (401/403/429) so a bug can never earn the bot a Cloudflare ban (10,000 per 10 minutes; we stop at
/// a tenth of that).
/// </summary>
public sealed class RateLimiter(TimeProvider time, int globalPerSecond = RateLimiter.GlobalPerSecond)
{
    public const int GlobalPerSecond = 50;
    public const int InvalidRequestCap = 1000;
    private static readonly TimeSpan InvalidWindow = TimeSpan.FromMinutes(10);

    private readonly Lock _gate = new();
    private readonly Dictionary<string, string> _bucketOfRoute = new(StringComparer.Ordinal);
    private readonly Dictionary<string, BucketState> _buckets = new(StringComparer.Ordinal);
    private readonly Queue<DateTimeOffset> _recentGlobal = new();
    private readonly Queue<DateTimeOffset> _invalid = new();
    private DateTimeOffset _globalUntil;

    /// <summary>How long to wait before sending on this route; zero means go, and the slot is taken.</summary>
    public TimeSpan Reserve(string routeKey, string major, bool globalExempt)
    {
        lock (_gate)
        {
            var now = time.GetUtcNow();
            var wait = TimeSpan.Zero;
            if (_globalUntil > now)
                wait = _globalUntil - now;
            if (_buckets.TryGetValue(StateKey(routeKey, major), out var state) && state.Remaining <= 0 && state.ResetAt > now)
                wait = Max(wait, state.ResetAt - now);
            if (!globalExempt)
            {
                while (_recentGlobal.Count > 0 && now - _recentGlobal.Peek() >= TimeSpan.FromSeconds(1))
                    _recentGlobal.Dequeue();
                if (_recentGlobal.Count >= globalPerSecond)
                    wait = Max(wait, _recentGlobal.Peek() + TimeSpan.FromSeconds(1) - now);
            }
            if (wait > TimeSpan.Zero)
                return wait;
            if (state is not null)
                state.Remaining--;
            if (!globalExempt)
                _recentGlobal.Enqueue(now);
            return TimeSpan.Zero;
        }
    }

    /// <summary>Whether too many recent requests were invalid to risk another.</summary>
    public bool InvalidBudgetExhausted()
    {
        lock (_gate)
        {
            TrimInvalid(time.GetUtcNow());
            return _invalid.Count >= InvalidRequestCap;
        }
    }

    public void Observe(string routeKey, string major, int status, HttpResponseHeaders headers)
    {
        lock (_gate)
        {
            var now = time.GetUtcNow();
            var shared = Header(headers, "X-RateLimit-Scope") == "shared";
            if (status is 401 or 403 || (status == 429 && !shared))
            {
                TrimInvalid(now);
                _invalid.Enqueue(now);
            }

            var bucket = Header(headers, "X-RateLimit-Bucket");
            if (bucket is not null)
                _bucketOfRoute[routeKey] = bucket;
            if (!int.TryParse(Header(headers, "X-RateLimit-Remaining"), NumberStyles.Integer, CultureInfo.InvariantCulture, out var remaining)
                || !double.TryParse(Header(headers, "X-RateLimit-Reset-After"), NumberStyles.Float, CultureInfo.InvariantCulture, out var resetAfter))
                return;
            var key = StateKey(routeKey, major);
            if (!_buckets.TryGetValue(key, out var state))
                _buckets[key] = state = new BucketState();
            state.Remaining = remaining;
            state.ResetAt = now + TimeSpan.FromSeconds(resetAfter);
        }
    }

    /// <summary>Records a 429: the bucket (or everything, when global) waits <paramref name="retryAfter"/>.</summary>
    public void Limited(string routeKey, string major, TimeSpan retryAfter, bool global)
    {
        lock (_gate)
        {
            var until = time.GetUtcNow() + retryAfter;
            if (global)
            {
                _globalUntil = Max(_globalUntil, until);
                return;
            }
            var key = StateKey(routeKey, major);
            if (!_buckets.TryGetValue(key, out var state))
                _buckets[key] = state = new BucketState();
            state.Remaining = 0;
            state.ResetAt = Max(state.ResetAt, until);
        }
    }

    private string StateKey(string routeKey, string major) =>
        (_bucketOfRoute.TryGetValue(routeKey, out var bucket) ? bucket : routeKey) + "|" + major;

    private void TrimInvalid(DateTimeOffset now)
    {
        while (_invalid.Count > 0 && now - _invalid.Peek() >= InvalidWindow)
            _invalid.Dequeue();
    }

    private static string? Header(HttpResponseHeaders headers, string name) =>
        headers.TryGetValues(name, out var values) ? values.FirstOrDefault() : null;

    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;

    private static DateTimeOffset Max(DateTimeOffset a, DateTimeOffset b) => a > b ? a : b;

    private sealed class BucketState
    {
        public int Remaining { get; set; } = 1;

        public DateTimeOffset ResetAt { get; set; }
    }
}
