using LiteDB;
using MentorBot.Core.Faq;
using MentorBot.Core.Faq.QuestionLog;
using MentorBot.Core.Identity;
using MentorBot.Storage.LiteDb.Documents;

namespace MentorBot.Storage.LiteDb;

/// <summary>
/// The question log in <c>question_log</c>, its feedback in <c>question_log_feedback</c> and the per-community salts in
/// <c>question_log_salts</c>. Writes that touch more than one document are one transaction under the context's write lock.
/// </summary>
public sealed class LiteDbQuestionLog(LiteDbContext context) : IQuestionLog
{
    internal const string QuestionsCollection = "question_log";
    internal const string FeedbackCollection = "question_log_feedback";
    internal const string SaltsCollection = "question_log_salts";

    public Task<byte[]> GetOrAddSaltAsync(CommunityId community, byte[] candidate, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(candidate);
        cancellationToken.ThrowIfCancellationRequested();
        var id = community.ToString();
        lock (context.WriteLock)
        {
            var salts = Salts(context);
            if (salts.FindById(id) is { } stored)
                return Task.FromResult(stored.Salt);
            salts.Insert(new QuestionLogSaltDocument { Id = id, Salt = candidate });
            return Task.FromResult(candidate);
        }
    }

    public Task AppendAsync(IReadOnlyList<LoggedQuestion> questions, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(questions);
        cancellationToken.ThrowIfCancellationRequested();
        if (questions.Count == 0)
            return Task.CompletedTask;
        // Built by hand rather than by the BsonMapper: every /faq question passes here, and reflection-based mapping
        // was most of the write's cost. The fields are the ones QuestionLogDocument reads back.
        var documents = questions.Select(ToBson).ToList();
        // One transaction, one flush, however many rows.
        lock (context.WriteLock)
            context.Database.GetCollection(QuestionsCollection).InsertBulk(documents);
        return Task.CompletedTask;
    }

    public Task<LoggedQuestion?> GetAsync(CommunityId community, string id, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var document = Questions(context).FindById(id);
        return Task.FromResult(document is not null && document.Community == community.ToString() ? ToQuestion(document) : null);
    }

    public Task<IReadOnlyList<LoggedQuestion>> ListAsync(
        CommunityId community, DateTimeOffset since, double? lowConfidenceBelow = null, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var key = community.ToString();
        var from = since.UtcTicks;
        var rows = Questions(context).Find(x => x.Community == key && x.AtUtcTicks >= from)
            .Where(d => lowConfidenceBelow is not { } below || IsLowConfidence(d, below))
            .OrderBy(d => d.AtUtcTicks).ThenBy(d => d.Id, StringComparer.Ordinal)
            .Select(ToQuestion)
            .ToList();
        return Task.FromResult<IReadOnlyList<LoggedQuestion>>(rows);
    }

    public Task<int> CountAskersAsync(CommunityId community, DateTimeOffset since, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var key = community.ToString();
        var from = since.UtcTicks;
        var count = Questions(context).Find(x => x.Community == key && x.AtUtcTicks >= from)
            .Select(d => d.AskerHash).OfType<string>().Distinct(StringComparer.Ordinal).Count();
        return Task.FromResult(count);
    }

    public Task<FeedbackOutcome> RecordFeedbackAsync(CommunityId community, QuestionFeedback feedback, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(feedback);
        cancellationToken.ThrowIfCancellationRequested();
        var key = community.ToString();
        lock (context.WriteLock)
        {
            var question = Questions(context).FindById(feedback.QuestionId);
            if (question is null || question.Community != key)
                return Task.FromResult(FeedbackOutcome.UnknownQuestion);
            var inserted = FeedbackOf(context).Upsert(new QuestionFeedbackDocument
            {
                Id = $"{feedback.QuestionId}|{feedback.VoterHash}|{(feedback.IsVote ? "vote" : "choice")}",
                QuestionId = feedback.QuestionId,
                Community = key,
                QuestionAtUtcTicks = question.AtUtcTicks,
                VoterHash = feedback.VoterHash,
                Kind = feedback.Kind.ToString(),
                EntryId = feedback.EntryId,
                AtUtcTicks = feedback.At.UtcTicks,
                AtOffsetMinutes = StoredTime.OffsetMinutes(feedback.At),
            });
            return Task.FromResult(inserted ? FeedbackOutcome.Recorded : FeedbackOutcome.Replaced);
        }
    }

    public Task<IReadOnlyList<EntryFeedback>> FeedbackByEntryAsync(CommunityId community, DateTimeOffset since, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var key = community.ToString();
        var from = since.UtcTicks;
        var totals = FeedbackOf(context).Find(x => x.Community == key && x.AtUtcTicks >= from)
            .GroupBy(d => d.EntryId, StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new EntryFeedback(
                g.Key,
                g.Count(d => d.Kind == nameof(FeedbackKind.Helpful)),
                g.Count(d => d.Kind == nameof(FeedbackKind.NotHelpful)),
                g.Count(d => d.Kind == nameof(FeedbackKind.ChoseSuggestion))))
            .ToList();
        return Task.FromResult<IReadOnlyList<EntryFeedback>>(totals);
    }

    public Task<AskerRecords> ExportAskerAsync(CommunityId community, string askerHash, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(askerHash);
        cancellationToken.ThrowIfCancellationRequested();
        var key = community.ToString();
        var questions = Questions(context).Find(x => x.AskerHash == askerHash && x.Community == key)
            .OrderBy(d => d.AtUtcTicks).ThenBy(d => d.Id, StringComparer.Ordinal).Select(ToQuestion).ToList();
        var feedback = FeedbackOf(context).Find(x => x.VoterHash == askerHash && x.Community == key)
            .OrderBy(d => d.AtUtcTicks).ThenBy(d => d.Id, StringComparer.Ordinal).Select(ToFeedback).ToList();
        return Task.FromResult(new AskerRecords(questions, feedback));
    }

    public Task<AskerForgotten> ForgetAskerAsync(CommunityId community, string askerHash, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(askerHash);
        cancellationToken.ThrowIfCancellationRequested();
        var key = community.ToString();
        lock (context.WriteLock)
        {
            return Task.FromResult(InTransaction(() =>
            {
                var deleted = FeedbackOf(context).DeleteMany(x => x.VoterHash == askerHash && x.Community == key);
                var questions = Questions(context);
                var linked = questions.Find(x => x.AskerHash == askerHash && x.Community == key).ToList();
                foreach (var document in linked)
                    document.AskerHash = null;
                questions.Update(linked);
                return new AskerForgotten(linked.Count, deleted);
            }));
        }
    }

    public Task<int> PruneAsync(DateTimeOffset before, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var cutoff = before.UtcTicks;
        lock (context.WriteLock)
        {
            return Task.FromResult(InTransaction(() =>
            {
                FeedbackOf(context).DeleteMany(x => x.QuestionAtUtcTicks < cutoff);
                return Questions(context).DeleteMany(x => x.AtUtcTicks < cutoff);
            }));
        }
    }

    internal static void EnsureIndexes(LiteDatabase database)
    {
        // One index beyond _id: each costs every /faq question a write. Listing and pruning go by time; the rare
        // export or forget of one asker scans the (retention-bounded) collection instead of indexing every hash.
        var questions = database.GetCollection<QuestionLogDocument>(QuestionsCollection);
        questions.EnsureIndex(x => x.AtUtcTicks);
        var feedback = database.GetCollection<QuestionFeedbackDocument>(FeedbackCollection);
        feedback.EnsureIndex(x => x.Community);
        feedback.EnsureIndex(x => x.VoterHash);
        feedback.EnsureIndex(x => x.QuestionAtUtcTicks);
    }

    private T InTransaction<T>(Func<T> work)
    {
        var database = context.Database;
        database.BeginTrans();
        try
        {
            var result = work();
            database.Commit();
            return result;
        }
        catch
        {
            database.Rollback();
            throw;
        }
    }

    private static bool IsLowConfidence(QuestionLogDocument document, double below) => document.Outcome switch
    {
        nameof(QuestionOutcome.Declined) or nameof(QuestionOutcome.Suggested) or nameof(QuestionOutcome.NotEnglish) => true,
        nameof(QuestionOutcome.Answered) => document.Confidence is not { } confidence || confidence < below,
        _ => false,
    };

    private static BsonDocument ToBson(LoggedQuestion question)
    {
        var document = new BsonDocument
        {
            ["_id"] = question.Id,
            [nameof(QuestionLogDocument.Community)] = question.Community.ToString(),
            [nameof(QuestionLogDocument.Text)] = question.Text,
            [nameof(QuestionLogDocument.Normalised)] = question.Normalised,
            [nameof(QuestionLogDocument.AtUtcTicks)] = question.At.UtcTicks,
            [nameof(QuestionLogDocument.AtOffsetMinutes)] = StoredTime.OffsetMinutes(question.At),
            [nameof(QuestionLogDocument.Outcome)] = question.Decision.Outcome.ToString(),
            [nameof(QuestionLogDocument.SuggestionIds)] = new BsonArray(question.Decision.SuggestionIds.Select(id => new BsonValue(id))),
            [nameof(QuestionLogDocument.EngineVersion)] = question.EngineVersion,
        };
        // Absent rather than null, as the mapper writes them (SerializeNullValues is off).
        if (question.Decision.EntryId is { } entryId)
            document[nameof(QuestionLogDocument.EntryId)] = entryId;
        if (question.Decision.Confidence is { } confidence)
            document[nameof(QuestionLogDocument.Confidence)] = confidence;
        if (question.Decision.SmallTalk is { } smallTalk)
            document[nameof(QuestionLogDocument.SmallTalk)] = smallTalk.ToString();
        if (question.AskerHash is { } asker)
            document[nameof(QuestionLogDocument.AskerHash)] = asker;
        return document;
    }

    internal static LoggedQuestion ToQuestion(QuestionLogDocument document) => new(
        document.Id,
        CommunityId.Parse(document.Community),
        document.Text,
        document.Normalised,
        StoredTime.ToDateTimeOffset(document.AtUtcTicks, document.AtOffsetMinutes),
        new QuestionDecision(Enum.Parse<QuestionOutcome>(document.Outcome))
        {
            EntryId = document.EntryId,
            Confidence = document.Confidence,
            SuggestionIds = document.SuggestionIds,
            SmallTalk = document.SmallTalk is { } smallTalk ? Enum.Parse<SmallTalkKind>(smallTalk) : null,
        },
        document.EngineVersion,
        document.AskerHash);

    internal static QuestionFeedback ToFeedback(QuestionFeedbackDocument document) => new(
        document.QuestionId, document.VoterHash, Enum.Parse<FeedbackKind>(document.Kind), document.EntryId,
        StoredTime.ToDateTimeOffset(document.AtUtcTicks, document.AtOffsetMinutes));

    private static ILiteCollection<QuestionLogDocument> Questions(LiteDbContext context) =>
        context.Database.GetCollection<QuestionLogDocument>(QuestionsCollection);

    private static ILiteCollection<QuestionFeedbackDocument> FeedbackOf(LiteDbContext context) =>
        context.Database.GetCollection<QuestionFeedbackDocument>(FeedbackCollection);

    private static ILiteCollection<QuestionLogSaltDocument> Salts(LiteDbContext context) =>
        context.Database.GetCollection<QuestionLogSaltDocument>(SaltsCollection);
}
