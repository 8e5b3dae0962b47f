using MentorBot.Core.Storage;
using MentorBot.Core.Time;
using MentorBot.Core.Subscriptions;

namespace MentorBot.Core.Delivery;

/// <summary>Which weekly deliveries fall inside a window of time. Pure: the same input always gives the same slots.</summary>
public static class DeliveryPlanner
{
    /// <summary>
    /// The slots of every subscription whose instant lies in [<paramref name="from"/>, <paramref name="to"/>), in no
    /// particular order. Linear in the number of subscriptions times the weeks the window spans. Slots on local dates
    /// before a pause ends, and slots before the subscription was created, are left out.
    /// </summary>
    public static IEnumerable<DeliverySlot> Plan(IEnumerable<Subscription> subscriptions, DateTimeOffset from, DateTimeOffset to)
    {
        ArgumentNullException.ThrowIfNull(subscriptions);
        if (to <= from)
            yield break;
        // Zones are resolved once per id: 100,000 subscriptions share a few hundred zones.
        var zones = new Dictionary<string, TimeZoneInfo>(StringComparer.Ordinal);
        foreach (var subscription in subscriptions)
        {
            if (!zones.TryGetValue(subscription.TimeZoneId, out var zone))
            {
                zone = TimeZones.FindOrUtc(subscription.TimeZoneId);
                zones[subscription.TimeZoneId] = zone;
            }
            foreach (var slot in Plan(subscription, zone, from, to))
                yield return slot;
        }
    }

    /// <summary>
    /// The subscription's slots from <paramref name="from"/> on, earliest first, for up to two years; what
    /// <c>/subscribe</c> promises is the first of these the outbox does not already hold a delivery for.
    /// </summary>
    public static IEnumerable<DeliverySlot> Upcoming(Subscription subscription, DateTimeOffset from)
    {
        ArgumentNullException.ThrowIfNull(subscription);
        var zone = TimeZones.FindOrUtc(subscription.TimeZoneId);
        // A few weeks at a time, for at most two years: a pause is at most one.
        for (var i = 0; i < UpcomingWindows; i++)
        {
            var start = from + (i * UpcomingWindow);
            foreach (var slot in Plan(subscription, zone, start, start + UpcomingWindow).OrderBy(s => s.SlotUtc))
                yield return slot;
        }
    }

    private const int UpcomingWindows = 26;

    private static readonly TimeSpan UpcomingWindow = TimeSpan.FromDays(28);

    public static IEnumerable<DeliverySlot> Plan(Subscription subscription, TimeZoneInfo zone, DateTimeOffset from, DateTimeOffset to)
    {
        ArgumentNullException.ThrowIfNull(subscription);
        // Start a day early: a gap-shifted or offset-shifted slot on the previous local date can still land after from.
        var date = TimeZones.LocalDate(from, zone).AddDays(-1);
        date = date.AddDays(((int)subscription.Day - (int)date.DayOfWeek + 7) % 7);
        while (true)
        {
            var instant = LocalInstant.Resolve(date, subscription.Time, zone);
            if (instant >= to)
                yield break;
            if (instant >= from && instant >= subscription.CreatedAt && !DeliverySchedule.IsPausedOn(subscription, date))
                yield return new DeliverySlot(subscription, instant, date, DeliveryKeys.IsoWeek(date));
            date = date.AddDays(7);
        }
    }
}
