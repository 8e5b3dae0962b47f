namespace MentorBot.Core.Delivery;

/// <summary>
/// <see cref="Delivered"/>: the platform confirmed it. <see cref="Undeliverable"/>: it never will be (DMs closed,
/// user gone); do not retry. <see cref="RetryLater"/>: a transient failure (rate limit, outage).
/// </summary>
public enum DeliveryStatus
{
    Delivered,
    Undeliverable,
    RetryLater,
}
