using MentorBot.Core.Identity;

namespace MentorBot.Core.Delivery;

/// <summary>
/// The durable record of weekly deliveries. A delivery is written here before it is sent and marked after the
/// platform confirms it, so a crash at any point is resolved by sending the pending entries again.
/// </summary>
/// <remarks>
/// Writes come in groups, one transaction (one flush to disk) each: planning enqueues a batch of records at once, and
/// a send pass group-commits its marks. Group commit widens the crash window from one message to one batch: a host
/// that dies after sending a batch but before its marks are flushed sends every message of that batch again after the
/// restart. That is safe because every record is durably pending before its first send, and a resend carries the same
/// key as the platform's idempotency key (Discord's enforced nonce drops it; Slack's history is searched for it because
/// the attempt says it may already be sent), so the wider window costs requests, never a duplicate message.
/// Several hosts share one outbox through claims: a record is sent only by the host that claimed it, and a host that
/// dies leaves its claims to expire.
/// </remarks>
public interface IDeliveryOutbox
{
    /// <summary>Stores the record; false (and nothing written) if one with the same key exists.</summary>
    Task<bool> TryEnqueueAsync(DeliveryRecord record, CancellationToken cancellationToken = default);

    /// <summary>
    /// Stores the records in one transaction, each unless one with its key (or its learner and local week) exists;
    /// returns the keys that were stored.
    /// </summary>
    Task<IReadOnlySet<string>> TryEnqueueManyAsync(IReadOnlyList<DeliveryRecord> records, CancellationToken cancellationToken = default);

    Task<DeliveryRecord?> GetAsync(string key, CancellationToken cancellationToken = default);

    /// <summary>
    /// Atomically claims up to <paramref name="max"/> due pending records for <paramref name="owner"/> until
    /// <paramref name="now"/> + <paramref name="lease"/> and returns them as claimed, the longest-waiting first. A record is
    /// due when its next attempt is at or before <paramref name="now"/> and nobody holds a live claim on it: a claim whose
    /// lease ran out (its host died or stalled) is taken over. Two owners claiming at once never get the same record.
    /// </summary>
    Task<IReadOnlyList<DeliveryRecord>> ClaimDueAsync(string owner, DateTimeOffset now, TimeSpan lease, int max, CancellationToken cancellationToken = default);

    /// <summary>
    /// Applies the marks in one transaction. Each applies only to a pending record that <paramref name="owner"/> holds
    /// the claim on (even if the lease ran out, as long as nobody took it over), so a host that lost its claim cannot
    /// overwrite another host's outcome. Every mark ends the claim. Returns the keys whose mark was applied.
    /// </summary>
    Task<IReadOnlySet<string>> MarkManyAsync(string owner, IReadOnlyList<DeliveryMark> marks, CancellationToken cancellationToken = default);

    /// <summary>Pending records due at or before <paramref name="now"/>, claimed or not, the longest-waiting first.</summary>
    Task<IReadOnlyList<DeliveryRecord>> ListPendingAsync(DateTimeOffset now, CancellationToken cancellationToken = default);

    /// <summary>The community's newest <paramref name="count"/> records by slot, newest first.</summary>
    Task<IReadOnlyList<DeliveryRecord>> ListRecentAsync(CommunityId community, int count, CancellationToken cancellationToken = default);

    /// <summary>The learner's record with the latest slot, whatever its status.</summary>
    Task<DeliveryRecord?> FindLatestAsync(LearnerId learner, CancellationToken cancellationToken = default);

    /// <summary>The end of the last planned window; null before the engine first ran against this store.</summary>
    Task<DateTimeOffset?> GetCursorAsync(CancellationToken cancellationToken = default);

    /// <summary>
    /// Moves the cursor forward to <paramref name="cursor"/>; never backwards, so two hosts planning overlapping windows
    /// leave it at the later end whatever order they finish in.
    /// </summary>
    Task SetCursorAsync(DateTimeOffset cursor, CancellationToken cancellationToken = default);
}
