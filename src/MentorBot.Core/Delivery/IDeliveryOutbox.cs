using MentorBot.Core.Identity;

namespace MentorBot.Core.Delivery;

/// <summary>
/// The durable record of weekly deliveries. A delivery is written here before it is sent and marked after the
/// platform confirms it, so a crash at any point is resolved by sending the pending entries again.
/// </summary>
public interface IDeliveryOutbox
{
    /// <summary>Stores the record; false (and nothing written) if one with the same key exists.</summary>
    Task<bool> TryEnqueueAsync(DeliveryRecord record, CancellationToken cancellationToken = default);

    Task<DeliveryRecord?> GetAsync(string key, CancellationToken cancellationToken = default);

    /// <summary>Marks a pending record sent; false if it is missing or no longer pending.</summary>
    Task<bool> MarkSentAsync(string key, DateTimeOffset at, CancellationToken cancellationToken = default);

    /// <summary>Marks a pending record as never deliverable; false if it is missing or no longer pending.</summary>
    Task<bool> MarkUndeliverableAsync(string key, DateTimeOffset at, string reason, CancellationToken cancellationToken = default);

    /// <summary>Counts a failed attempt and keeps the record pending until <paramref name="nextAttemptAt"/>.</summary>
    Task<bool> MarkFailedAttemptAsync(string key, DateTimeOffset nextAttemptAt, string reason, CancellationToken cancellationToken = default);

    /// <summary>Pending records due at or before <paramref name="now"/>, the longest-waiting first.</summary>
    Task<IReadOnlyList<DeliveryRecord>> ListPendingAsync(DateTimeOffset now, CancellationToken cancellationToken = default);

    /// <summary>The community's newest <paramref name="count"/> records by slot, newest first.</summary>
    Task<IReadOnlyList<DeliveryRecord>> ListRecentAsync(CommunityId community, int count, CancellationToken cancellationToken = default);

    /// <summary>The learner's record with the latest slot, whatever its status.</summary>
    Task<DeliveryRecord?> FindLatestAsync(LearnerId learner, CancellationToken cancellationToken = default);

    /// <summary>The end of the last planned window; null before the engine first ran against this store.</summary>
    Task<DateTimeOffset?> GetCursorAsync(CancellationToken cancellationToken = default);

    Task SetCursorAsync(DateTimeOffset cursor, CancellationToken cancellationToken = default);
}
