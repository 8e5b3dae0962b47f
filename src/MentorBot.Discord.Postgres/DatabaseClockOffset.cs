namespace MentorBot.Discord.Postgres;

/// <summary>
/// How far the database's clock is ahead of this host's, estimated from round trips the way NTP does: a reading of the
/// database's clock taken during a round trip lies between the local send and receive times, so the midpoint is off by
/// at most half the round trip. The estimate from the shortest round trip wins; a thread stalled between the database's
/// answer and reading the local clock makes a long round trip, which is ignored instead of shifting every slot later.
/// </summary>
public sealed class DatabaseClockOffset
{
    /// <summary>How fast the uncertainty of an old estimate grows: far above real clock drift (parts per million).</summary>
    private const double DriftPerSecond = 1e-4;

    private readonly object _gate = new();
    private TimeSpan _offset;
    private TimeSpan _halfRoundTrip = TimeSpan.MaxValue;
    private DateTimeOffset _measuredAt;

    /// <summary>Adds one reading: <paramref name="databaseNow"/> was read between <paramref name="sent"/> and <paramref name="received"/>.</summary>
    public void Observe(DateTimeOffset sent, DateTimeOffset received, DateTimeOffset databaseNow)
    {
        var halfRoundTrip = (received - sent) / 2;
        lock (_gate)
        {
            if (halfRoundTrip > UncertaintyAt(received))
                return;
            _offset = databaseNow - (sent + halfRoundTrip);
            _halfRoundTrip = halfRoundTrip;
            _measuredAt = received;
        }
    }

    /// <summary>The local time at which the database's clock shows <paramref name="databaseTime"/>.</summary>
    public DateTimeOffset ToLocal(DateTimeOffset databaseTime)
    {
        lock (_gate)
            return databaseTime - _offset;
    }

    private TimeSpan UncertaintyAt(DateTimeOffset now) => _halfRoundTrip == TimeSpan.MaxValue
        ? TimeSpan.MaxValue
        : _halfRoundTrip + TimeSpan.FromSeconds(Math.Max(0, (now - _measuredAt).TotalSeconds) * DriftPerSecond);
}
