using MentorBot.Core.Identity;

namespace MentorBot.Core.Faq.QuestionLog;

/// <summary>
/// The log of <c>/faq</c> questions and the feedback on their answers, for the moderators' view of what the bot
/// failed. It never holds a platform user id: askers and voters are per-community keyed hashes.
/// </summary>
public interface IQuestionLog
{
    /// <summary>
    /// The most questions the core's writer hands to one <see cref="AppendAsync"/>: large, because each storage write
    /// has a fixed cost far above a row's (a LiteDB commit was 5-10 ms of CPU, whether it held 1 or 500 questions).
    /// A provider that keeps a write as one unit (LiteDB's batch document) sizes it by this.
    /// </summary>
    const int MaxAppendBatch = 5000;

    /// <summary>
    /// The community's hashing salt: the stored one, or <paramref name="candidate"/> (32 bytes) stored now if there is
    /// none. The first writer wins, so every host on one database hashes a learner the same way.
    /// </summary>
    Task<byte[]> GetOrAddSaltAsync(CommunityId community, byte[] candidate, CancellationToken cancellationToken = default);

    /// <summary>Appends questions (ids are new; a repeated id is an error of the caller); the core's writer sends at most <see cref="MaxAppendBatch"/> at a time.</summary>
    Task AppendAsync(IReadOnlyList<LoggedQuestion> questions, CancellationToken cancellationToken = default);

    /// <summary>The question with that id if it belongs to <paramref name="community"/>, else null.</summary>
    Task<LoggedQuestion?> GetAsync(CommunityId community, string id, CancellationToken cancellationToken = default);

    /// <summary>Questions asked in the community at or after <paramref name="since"/>, oldest first.</summary>
    Task<IReadOnlyList<LoggedQuestion>> ListAsync(CommunityId community, DateTimeOffset since, CancellationToken cancellationToken = default);

    /// <summary>
    /// One page of the community's distinct shaky questions (<paramref name="cut"/>) asked at or after
    /// <paramref name="since"/>: asks with the same normalised text are one question with a count, latest asked first;
    /// at most <paramref name="limit"/> of them, starting after <paramref name="after"/> (null: the latest). Only the
    /// page leaves the store, with the totals of the whole window.
    /// </summary>
    Task<ShakyQuestionPage> ListShakyAsync(
        CommunityId community, DateTimeOffset since, ShakyCut cut, int limit, ShakyCursor? after = null, CancellationToken cancellationToken = default);

    /// <summary>How many different askers (still linked) asked in the community at or after <paramref name="since"/>.</summary>
    Task<int> CountAskersAsync(CommunityId community, DateTimeOffset since, CancellationToken cancellationToken = default);

    /// <summary>
    /// Records a vote or a suggestion choice on a question of <paramref name="community"/>, replacing the voter's earlier
    /// one of the same sort. A question that is unknown or belongs to another community changes nothing.
    /// </summary>
    Task<FeedbackOutcome> RecordFeedbackAsync(CommunityId community, QuestionFeedback feedback, CancellationToken cancellationToken = default);

    /// <summary>Feedback totals per entry for feedback given at or after <paramref name="since"/>, ordered by entry id.</summary>
    Task<IReadOnlyList<EntryFeedback>> FeedbackByEntryAsync(CommunityId community, DateTimeOffset since, CancellationToken cancellationToken = default);

    /// <summary>Every question asked and every feedback given by the hashed learner in the community, oldest first.</summary>
    Task<AskerRecords> ExportAskerAsync(CommunityId community, string askerHash, CancellationToken cancellationToken = default);

    /// <summary>
    /// Deletes the learner's feedback and unlinks their questions (the hash becomes null), so question counts stay but
    /// nothing ties a question to them any more.
    /// </summary>
    Task<AskerForgotten> ForgetAskerAsync(CommunityId community, string askerHash, CancellationToken cancellationToken = default);

    /// <summary>Deletes questions asked before <paramref name="before"/>, with their feedback; returns how many questions.</summary>
    Task<int> PruneAsync(DateTimeOffset before, CancellationToken cancellationToken = default);
}
