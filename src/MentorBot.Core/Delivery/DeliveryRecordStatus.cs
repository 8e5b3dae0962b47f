namespace MentorBot.Core.Delivery;

/// <summary>
/// Where an outbox entry stands. <see cref="Pending"/> is the only state that is ever sent; the others are final.
/// <see cref="Skipped"/> marks a slot missed for longer than the catch-up window.
/// </summary>
public enum DeliveryRecordStatus
{
    Pending,
    Sent,
    Undeliverable,
    Skipped,
}
