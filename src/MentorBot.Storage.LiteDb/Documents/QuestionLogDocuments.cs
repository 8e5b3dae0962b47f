namespace MentorBot.Storage.LiteDb.Documents;

/// <summary>_id is the question's id. The asker is a keyed hash (absent once forgotten), never a platform id.</summary>
internal sealed class QuestionLogDocument
{
    public string Id { get; set; } = "";
    public string Community { get; set; } = "";
    public string Text { get; set; } = "";
    public string Normalised { get; set; } = "";
    public long AtUtcTicks { get; set; }
    public int AtOffsetMinutes { get; set; }
    public string Outcome { get; set; } = "";
    public string? EntryId { get; set; }
    public double? Confidence { get; set; }
    public List<string> SuggestionIds { get; set; } = [];
    public string? SmallTalk { get; set; }
    public string EngineVersion { get; set; } = "";
    public string? AskerHash { get; set; }
}

/// <summary>
/// _id is "question|voter|slot" (slot "vote" or "choice"), so a learner's second vote on a question replaces the first.
/// The question's community and time are copied in, so queries and pruning need no join.
/// </summary>
internal sealed class QuestionFeedbackDocument
{
    public string Id { get; set; } = "";
    public string QuestionId { get; set; } = "";
    public string Community { get; set; } = "";
    public long QuestionAtUtcTicks { get; set; }
    public string VoterHash { get; set; } = "";
    public string Kind { get; set; } = "";
    public string EntryId { get; set; } = "";
    public long AtUtcTicks { get; set; }
    public int AtOffsetMinutes { get; set; }
}

/// <summary>_id is the community ("platform:id"); the salt of its asker hashes.</summary>
internal sealed class QuestionLogSaltDocument
{
    public string Id { get; set; } = "";
    public byte[] Salt { get; set; } = [];
}
