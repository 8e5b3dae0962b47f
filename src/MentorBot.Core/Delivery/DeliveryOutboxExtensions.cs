namespace MentorBot.Core.Delivery;

/// <summary>One-record forms of <see cref="IDeliveryOutbox.MarkManyAsync"/>, for tools and tests.</summary>
public static class DeliveryOutboxExtensions
{
    public static Task<bool> MarkSentAsync(this IDeliveryOutbox outbox, string owner, string key, DateTimeOffset at, CancellationToken cancellationToken = default) =>
        MarkAsync(outbox, owner, DeliveryMark.Sent(key, at), cancellationToken);

    public static Task<bool> MarkUndeliverableAsync(this IDeliveryOutbox outbox, string owner, string key, DateTimeOffset at, string reason, CancellationToken cancellationToken = default) =>
        MarkAsync(outbox, owner, DeliveryMark.Undeliverable(key, at, reason), cancellationToken);

    public static Task<bool> MarkFailedAttemptAsync(this IDeliveryOutbox outbox, string owner, string key, DateTimeOffset nextAttemptAt, string reason, CancellationToken cancellationToken = default) =>
        MarkAsync(outbox, owner, DeliveryMark.FailedAttempt(key, nextAttemptAt, reason), cancellationToken);

    public static async Task<bool> MarkAsync(this IDeliveryOutbox outbox, string owner, DeliveryMark mark, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(outbox);
        ArgumentNullException.ThrowIfNull(mark);
        return (await outbox.MarkManyAsync(owner, [mark], cancellationToken).ConfigureAwait(false)).Contains(mark.Key);
    }

    /// <summary>The record as a mark leaves it; the one rule every provider implements, written once for the in-memory ones.</summary>
    public static DeliveryRecord Apply(this DeliveryRecord record, DeliveryMark mark)
    {
        ArgumentNullException.ThrowIfNull(record);
        ArgumentNullException.ThrowIfNull(mark);
        var released = record with { ClaimedBy = null, ClaimedUntil = null };
        return mark.Kind switch
        {
            DeliveryMarkKind.Sent => released with { Status = DeliveryRecordStatus.Sent, Attempts = record.Attempts + 1, CompletedAt = mark.At, LastError = null },
            DeliveryMarkKind.Undeliverable => released with { Status = DeliveryRecordStatus.Undeliverable, Attempts = record.Attempts + 1, CompletedAt = mark.At, LastError = mark.Reason },
            DeliveryMarkKind.FailedAttempt => released with { Attempts = record.Attempts + 1, NextAttemptAt = mark.At, LastError = mark.Reason },
            DeliveryMarkKind.Released => released with { NextAttemptAt = mark.At, Claims = Math.Max(0, record.Claims - 1), LastError = mark.Reason ?? record.LastError },
            _ => throw new ArgumentOutOfRangeException(nameof(mark), mark.Kind, "Unknown mark."),
        };
    }
}
