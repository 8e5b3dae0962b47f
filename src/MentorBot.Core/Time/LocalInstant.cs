namespace MentorBot.Core.Time;

/// <summary>Turns a local date and wall-clock time in a zone into the one instant it stands for, DST included.</summary>
public static class LocalInstant
{
    // Real-world gaps are at most two hours; the bound only guards against a corrupt zone definition.
    private const int MaxGapMinutes = 24 * 60;

    /// <summary>
    /// A wall-clock time skipped by a spring-forward change resolves to the first valid instant after the gap (02:30 →
    /// 03:00), so the delivery still happens once; a time that occurs twice on a fall-back day resolves to its first
    /// occurrence, so it happens once and as early as the learner expects.
    /// </summary>
    public static DateTimeOffset Resolve(DateOnly date, TimeOnly time, TimeZoneInfo timeZone)
    {
        var local = date.ToDateTime(time, DateTimeKind.Unspecified);
        if (timeZone.IsInvalidTime(local))
        {
            // Transitions happen on whole minutes: the first valid minute after the gap is the instant of the change.
            var minuteStart = local.AddTicks(-(local.Ticks % TimeSpan.TicksPerMinute));
            for (var i = 1; i <= MaxGapMinutes; i++)
            {
                var candidate = minuteStart.AddMinutes(i);
                if (!timeZone.IsInvalidTime(candidate))
                    return new DateTimeOffset(candidate, timeZone.GetUtcOffset(candidate)).ToUniversalTime();
            }
        }

        if (timeZone.IsAmbiguousTime(local))
        {
            // The larger offset is the one in force before the clocks went back, i.e. the earlier instant.
            var offset = timeZone.GetAmbiguousTimeOffsets(local).Max();
            return new DateTimeOffset(local, offset).ToUniversalTime();
        }

        return new DateTimeOffset(local, timeZone.GetUtcOffset(local)).ToUniversalTime();
    }
}
