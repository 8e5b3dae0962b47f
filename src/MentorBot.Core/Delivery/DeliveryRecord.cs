using MentorBot.Core.Identity;

namespace MentorBot.Core.Delivery;

/// <summary>
/// One outbox entry: a weekly message for <see cref="Learner"/>, unique by <see cref="Key"/> (learner and local ISO
/// week). What it says (<see cref="Kind"/>, <see cref="RoadmapWeek"/>) is fixed when it is enqueued, so a retry after a
/// crash sends the same message with the same idempotency key.
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
    string? LastError);
