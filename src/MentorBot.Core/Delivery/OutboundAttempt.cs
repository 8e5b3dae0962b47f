namespace MentorBot.Core.Delivery;

/// <summary>
/// What the core tells a messenger about one delivery attempt, so an adapter never needs to read the outbox.
/// </summary>
/// <param name="Key">The delivery key, stable across retries: the platform's idempotency key (Discord's nonce, Slack's
/// message metadata).</param>
/// <param name="FirstWrittenAt">When the record was written to the outbox: no earlier attempt can have posted before it.</param>
/// <param name="MayAlreadyBeSent">True when an earlier attempt may have reached the platform: the record was attempted
/// before, or an earlier claim (a host that died, or lost its lease, between send and mark) may have sent it. A platform
/// without an idempotent send (Slack) checks for the earlier post only then.</param>
public sealed record OutboundAttempt(string Key, DateTimeOffset FirstWrittenAt, bool MayAlreadyBeSent)
{
    /// <summary>The attempt for a freshly claimed record.</summary>
    public static OutboundAttempt For(DeliveryRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        return new OutboundAttempt(record.Key, record.CreatedAt, record.Attempts > 0 || record.Claims > 1);
    }
}
