using MentorBot.Core.Storage;
using MentorBot.Core.Subscriptions;

namespace MentorBot.Core.Delivery;

/// <summary>
/// One due weekly delivery: the subscription, the instant it fires, and the learner's local date and ISO week of
/// that instant. <see cref="Key"/> is unique per learner and local week, so it is also the idempotency key.
/// </summary>
public sealed record DeliverySlot(Subscription Subscription, DateTimeOffset SlotUtc, DateOnly LocalDate, string LocalWeek)
{
    public string Key => DeliveryKeys.For(Subscription.Learner, LocalWeek);
}
