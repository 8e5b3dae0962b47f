using MentorBot.Core.Storage;
using MentorBot.Core.Subscriptions;

namespace MentorBot.Core.Time;

/// <summary>When a weekly subscription fires next; shared by <c>/subscribe</c> and whoever sends the deliveries.</summary>
public static class DeliverySchedule
{
    /// <summary>
    /// The first instant strictly after <paramref name="after"/> that falls on the subscription's local day and time
    /// and is not inside a pause. A pause until D means nothing is delivered on local dates before D.
    /// </summary>
    public static DateTimeOffset NextOccurrence(Subscription subscription, DateTimeOffset after) =>
        NextOccurrence(subscription.Day, subscription.Time, TimeZones.FindOrUtc(subscription.TimeZoneId), subscription.PausedUntil, after);

    public static DateTimeOffset NextOccurrence(DayOfWeek day, TimeOnly time, TimeZoneInfo timeZone, DateOnly? pausedUntil, DateTimeOffset after)
    {
        var localNow = TimeZoneInfo.ConvertTime(after, timeZone);
        var date = DateOnly.FromDateTime(localNow.DateTime);
        date = date.AddDays(((int)day - (int)date.DayOfWeek + 7) % 7);
        if (pausedUntil is { } resume)
        {
            while (date < resume)
                date = date.AddDays(7);
        }
        while (true)
        {
            var instant = ToInstant(date, time, timeZone);
            if (instant > after)
                return instant.ToUniversalTime();
            date = date.AddDays(7);
        }
    }

    public static bool IsPausedOn(Subscription subscription, DateOnly localDate) =>
        subscription.PausedUntil is { } resume && localDate < resume;

    private static DateTimeOffset ToInstant(DateOnly date, TimeOnly time, TimeZoneInfo timeZone) =>
        LocalInstant.Resolve(date, time, timeZone);
}
