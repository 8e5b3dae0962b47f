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
