namespace MentorBot.Core.Resilience;

/// <summary>
/// The one retry/backoff rule of the bot: attempt n (from 1) waits <see cref="Initial"/>·2^(n−1), capped at
/// <see cref="Max"/>, spread by <see cref="Jitter"/>; a wait the server asked for (Retry-After, a rate limit's reset)
/// wins when it is longer. Only the delay is computed here: each caller keeps its own loop, because what happens between
/// attempts differs (a Gateway resumes or identifies, a delivery is persisted and retried by a later pass) and a generic
/// retry pipeline would hide exactly that. Callers wait with <c>Task.Delay(delay, timeProvider, ct)</c>.
/// </summary>
public sealed record Backoff(TimeSpan Initial, TimeSpan Max, BackoffJitter Jitter = BackoffJitter.None)
{
    /// <summary>The delay before attempt <paramref name="attempt"/> (1 = the first retry) without jitter.</summary>
    public TimeSpan Ceiling(int attempt)
    {
        // 2^30 times any sensible initial delay is past every maximum; the exponent is capped so it cannot overflow.
        var factor = Math.Pow(2, Math.Clamp(attempt - 1, 0, 30));
        var ticks = Initial.Ticks * factor;
        return ticks >= Max.Ticks ? Max : TimeSpan.FromTicks((long)ticks);
    }

    /// <summary>The delay before attempt <paramref name="attempt"/>, at least <paramref name="serverAsked"/> when given.</summary>
    /// <param name="jitter">Required unless <see cref="Jitter"/> is <see cref="BackoffJitter.None"/>.</param>
    public TimeSpan Delay(int attempt, IJitterSource? jitter = null, TimeSpan? serverAsked = null)
    {
        if (Jitter != BackoffJitter.None)
            ArgumentNullException.ThrowIfNull(jitter);
        var ceiling = Ceiling(attempt);
        var delay = Jitter switch
        {
            BackoffJitter.Full => ceiling * Unit(jitter!),
            BackoffJitter.Spread => ceiling * (0.5 + Unit(jitter!)),
            _ => ceiling,
        };
        return serverAsked is { } asked && asked > delay ? asked : delay;
    }

    // A misbehaving source must not produce a negative or runaway wait.
    private static double Unit(IJitterSource jitter) => Math.Clamp(jitter.NextDouble(), 0, 1);
}
