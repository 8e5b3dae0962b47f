namespace MentorBot.Core.Delivery;

/// <summary>What happened to a claimed record; written in groups by <see cref="IDeliveryOutbox.MarkManyAsync"/>.</summary>
public enum DeliveryMarkKind
{
    /// <summary>The platform confirmed it: final.</summary>
    Sent,

    /// <summary>The platform refused it for good (DMs closed, user gone): final.</summary>
    Undeliverable,

    /// <summary>An attempt that failed: counted, and the record waits until <see cref="DeliveryMark.At"/>.</summary>
    FailedAttempt,

    /// <summary>Claimed but never attempted (the platform asked to slow down, or the pass was cancelled): handed back,
    /// due again at <see cref="DeliveryMark.At"/>, and the claim does not count as one that may have sent it.</summary>
    Released,
}

/// <summary>
/// One outcome for a claimed record. <see cref="At"/> is when it completed (<see cref="DeliveryMarkKind.Sent"/>,
/// <see cref="DeliveryMarkKind.Undeliverable"/>) or when it is due again (<see cref="DeliveryMarkKind.FailedAttempt"/>,
/// <see cref="DeliveryMarkKind.Released"/>).
/// </summary>
public sealed record DeliveryMark(string Key, DeliveryMarkKind Kind, DateTimeOffset At, string? Reason = null)
{
    public static DeliveryMark Sent(string key, DateTimeOffset at) => new(key, DeliveryMarkKind.Sent, at);

    public static DeliveryMark Undeliverable(string key, DateTimeOffset at, string reason) => new(key, DeliveryMarkKind.Undeliverable, at, reason);

    public static DeliveryMark FailedAttempt(string key, DateTimeOffset nextAttemptAt, string reason) => new(key, DeliveryMarkKind.FailedAttempt, nextAttemptAt, reason);

    public static DeliveryMark Released(string key, DateTimeOffset dueAt, string? reason = null) => new(key, DeliveryMarkKind.Released, dueAt, reason);
}
