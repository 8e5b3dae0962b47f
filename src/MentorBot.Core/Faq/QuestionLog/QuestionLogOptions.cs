namespace MentorBot.Core.Faq.QuestionLog;

/// <summary>The question log (<c>Faq:QuestionLog:*</c>).</summary>
public sealed record QuestionLogOptions
{
    public const string SectionName = "Faq:QuestionLog";

    /// <summary>Whether <c>/faq</c> questions are logged and answers carry Helpful / Not helpful buttons.</summary>
    public bool Enabled { get; init; } = true;

    /// <summary>How long a logged question (and its feedback) is kept; older ones are pruned daily.</summary>
    public TimeSpan Retention { get; init; } = TimeSpan.FromDays(90);

    /// <summary>
    /// How many questions may wait in memory for storage; beyond that new ones are dropped (and counted in a warning)
    /// rather than letting a stalled database grow the process without bound.
    /// </summary>
    public int MaxPending { get; init; } = 10_000;

    /// <summary>
    /// How long questions gather in memory before they are written as one batch (sooner when
    /// <see cref="IQuestionLog.MaxAppendBatch"/> are waiting, and at once before a vote, <c>/mydata</c>, <c>/forget</c>
    /// or the dashboard's Questions page reads the log).
    /// </summary>
    public TimeSpan FlushInterval { get; init; } = TimeSpan.FromSeconds(1);
}
