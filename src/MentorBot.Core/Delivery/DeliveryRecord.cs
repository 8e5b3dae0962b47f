using MentorBot.Core.Identity;

namespace MentorBot.Core.Delivery;

/// <summary>
/// One outbox entry: a weekly message for <see cref="Learner"/>, unique by <see cref="Key"/> (learner and local ISO
/// week). What it says (<see cref="Kind"/>, <see cref="RoadmapWeek"/>) is fixed when it is enqueued, so a retry after a
/// crash sends the same message with the same idempotency key. The claim (<see cref="ClaimedBy"/>, <see cref="ClaimedUntil"/>,
/// <see cref="Claims"/>) is how several hosts share the work: see <see cref="IDeliveryOutbox.ClaimDueAsync"/>.
/// </summary>
public sealed record DeliveryRecord(
    string Key,
    LearnerId Learner,
    CommunityId Community,
    DateTimeOffset SlotUtc,
    string LocalWeek,
    int RoadmapWeek,
    DeliveryKind Kind,
    DeliveryRecordStatus Status,
    int Attempts,
    DateTimeOffset CreatedAt,
    DateTimeOffset NextAttemptAt,
    DateTimeOffset? CompletedAt,
    string? LastError)
{
    /// <summary>The host that holds the current claim; null when nobody does.</summary>
    public string? ClaimedBy { get; init; }

    /// <summary>When the current claim's lease runs out; after that another host may claim the record.</summary>
    public DateTimeOffset? ClaimedUntil { get; init; }

    /// <summary>
    /// How many claims of this record may have reached the platform: each claim counts one, a claim released unattempted
    /// gives it back. More than one on a fresh claim means an earlier claimant may already have sent it.
    /// </summary>
    public int Claims { get; init; }
}
