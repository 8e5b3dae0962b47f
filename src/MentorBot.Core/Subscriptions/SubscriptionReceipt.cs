using MentorBot.Core.Storage;

namespace MentorBot.Core.Subscriptions;

/// <summary>A stored subscription and when it next fires (UTC).</summary>
public sealed record SubscriptionReceipt(Subscription Subscription, DateTimeOffset NextDeliveryUtc)
{
    public DateTimeOffset NextDeliveryLocal =>
        TimeZoneInfo.ConvertTime(NextDeliveryUtc, Time.TimeZones.FindOrUtc(Subscription.TimeZoneId));
}
