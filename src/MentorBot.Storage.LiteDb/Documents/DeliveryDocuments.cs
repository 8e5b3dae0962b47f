namespace MentorBot.Storage.LiteDb.Documents;

/// <summary>An outbox entry; _id is the delivery key "learner|yyyy-Www", so a second enqueue is a duplicate key.</summary>
internal sealed class DeliveryDocument
{
    public string Id { get; set; } = "";
    public string Learner { get; set; } = "";
    public string Community { get; set; } = "";
    public long SlotUtcTicks { get; set; }
    public string LocalWeek { get; set; } = "";
    public int RoadmapWeek { get; set; }
    public string Kind { get; set; } = "";
    public string Status { get; set; } = "";
    public int Attempts { get; set; }
    public long CreatedAtUtcTicks { get; set; }
    public long NextAttemptAtUtcTicks { get; set; }
    public long? CompletedAtUtcTicks { get; set; }
    public string? LastError { get; set; }
    public string? ClaimedBy { get; set; }
    public long? ClaimedUntilUtcTicks { get; set; }
    public int Claims { get; set; }

    /// <summary>
    /// When the record can next be claimed: the later of its next attempt and its claim's lease while it is pending,
    /// <see cref="long.MaxValue"/> once it is final. Indexed, so a claim reads the due records in order and stops.
    /// </summary>
    public long DueTicks { get; set; }
}

/// <summary>_id is the learner: at most one pending "we could not reach you" notice each.</summary>
internal sealed class UndeliverableNoticeDocument
{
    public string Id { get; set; } = "";
    public string Reason { get; set; } = "";
    public long AtUtcTicks { get; set; }
}

/// <summary>The delivery engine's cursor, kept in the <c>meta</c> collection beside the schema version.</summary>
internal sealed class DeliveryCursorDocument
{
    public string Id { get; set; } = "";
    public long UtcTicks { get; set; }
}
