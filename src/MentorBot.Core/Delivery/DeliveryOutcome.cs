namespace MentorBot.Core.Delivery;

/// <summary>What happened to one outbound message.</summary>
public sealed record DeliveryOutcome(DeliveryStatus Status, string? Detail = null, TimeSpan? RetryAfter = null)
{
    public static DeliveryOutcome Delivered { get; } = new(DeliveryStatus.Delivered);

    public static DeliveryOutcome Undeliverable(string detail) => new(DeliveryStatus.Undeliverable, detail);

    public static DeliveryOutcome RetryLater(string detail, TimeSpan? after = null) => new(DeliveryStatus.RetryLater, detail, after);
}
