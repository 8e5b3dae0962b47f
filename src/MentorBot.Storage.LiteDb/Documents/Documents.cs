namespace MentorBot.Storage.LiteDb.Documents;

// Plain documents mapped by LiteDB's BsonMapper. A property named Id becomes the document's _id.
// Instants are kept as UTC ticks plus the offset in minutes so a DateTimeOffset round-trips exactly;
// dates are "yyyy-MM-dd", times "HH:mm", days of week ints, learner and community ids their "platform:id" strings.

internal sealed class MetaDocument
{
    public string Id { get; set; } = "";
    public int Version { get; set; }
}

internal sealed class LearnerDocument
{
    public string Id { get; set; } = "";
    public string DisplayName { get; set; } = "";
    public string TimeZoneId { get; set; } = "";
    public int CurrentWeek { get; set; }
    public List<string> Communities { get; set; } = [];
    public long CreatedAtUtcTicks { get; set; }
    public int CreatedAtOffsetMinutes { get; set; }
}

/// <summary>_id is "learner|yyyy-MM-dd", so a second check-in for the same local date is a duplicate key.</summary>
internal sealed class CheckinDocument
{
    public string Id { get; set; } = "";
    public string Learner { get; set; } = "";
    public string LocalDate { get; set; } = "";
    public long AtUtcTicks { get; set; }
    public int AtOffsetMinutes { get; set; }
    public string? Note { get; set; }
}

/// <summary>_id is "learner|week", so a second completion of the same week is a duplicate key.</summary>
internal sealed class TaskCompletionDocument
{
    public string Id { get; set; } = "";
    public string Learner { get; set; } = "";
    public int Week { get; set; }
    public string LocalDate { get; set; } = "";
    public long AtUtcTicks { get; set; }
    public int AtOffsetMinutes { get; set; }
}

internal sealed class StreakSummaryDocument
{
    public string Id { get; set; } = "";
    public string DisplayName { get; set; } = "";
    public string TimeZoneId { get; set; } = "";
    public string LastActiveDay { get; set; } = "";
    public int CurrentAtLastDay { get; set; }
    public int Longest { get; set; }
    public int FreezesAtLastDay { get; set; }
    public long UpdatedAtUtcTicks { get; set; }
    public int UpdatedAtOffsetMinutes { get; set; }
}

internal sealed class SubscriptionDocument
{
    public string Id { get; set; } = "";
    public string Community { get; set; } = "";
    public int Day { get; set; }
    public string Time { get; set; } = "";
    public string TimeZoneId { get; set; } = "";
    public string? PausedUntil { get; set; }
    public long CreatedAtUtcTicks { get; set; }
    public int CreatedAtOffsetMinutes { get; set; }
}

/// <summary>_id is an auto-incremented int (1, 2, 3, …) assigned by LiteDB on insert.</summary>
internal sealed class ChallengeDocument
{
    public int Id { get; set; }
    public string Community { get; set; } = "";
    public string Title { get; set; } = "";
    public string Description { get; set; } = "";
    public string Due { get; set; } = "";
    public string PostedBy { get; set; } = "";
    public long PostedAtUtcTicks { get; set; }
    public int PostedAtOffsetMinutes { get; set; }
    public long? ClosedAtUtcTicks { get; set; }
    public int? ClosedAtOffsetMinutes { get; set; }
}

/// <summary>_id is "challengeId|learner", so a resubmission replaces the earlier one.</summary>
internal sealed class ChallengeSubmissionDocument
{
    public string Id { get; set; } = "";
    public int ChallengeId { get; set; }
    public string Learner { get; set; } = "";
    public string DisplayName { get; set; } = "";
    public string Link { get; set; } = "";
    public long SubmittedAtUtcTicks { get; set; }
    public int SubmittedAtOffsetMinutes { get; set; }
}
