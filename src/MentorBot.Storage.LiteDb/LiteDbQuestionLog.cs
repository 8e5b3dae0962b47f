using LiteDB;
using MentorBot.Core.Faq;
using MentorBot.Core.Faq.QuestionLog;
using MentorBot.Core.Identity;
using MentorBot.Storage.LiteDb.Documents;

namespace MentorBot.Storage.LiteDb;

/// <summary>
/// The question log in <c>question_log_batches</c> (one document per written batch, its questions in a compact blob:
/// see <see cref="QuestionBatchCodec"/>), its feedback in <c>question_log_feedback</c> and the per-community salts in
/// <c>question_log_salts</c>. Files written before batching hold one document per question in <c>question_log</c>;
/// every read, /forget and pruning covers both. Writes that touch more than one document are one transaction under
/// the context's write lock.
/// </summary>
public sealed class LiteDbQuestionLog(LiteDbContext context) : IQuestionLog
{
    internal const string QuestionsCollection = "question_log";
    internal const string FeedbackCollection = "question_log_feedback";
    internal const string SaltsCollection = "question_log_salts";
    internal const string BatchesCollection = "question_log_batches";

    /// <summary>
    /// The most questions one batch document holds; a longer append is split. As many as the core's writer batches, so
    /// one write is one document; with questions of at most 300 characters it stays far below LiteDB's 16 MB limit.
    /// </summary>
    internal const int MaxBatchQuestions = IQuestionLog.MaxAppendBatch;

    private const string MinAt = "MinAtUtcTicks";
    private const string MaxAt = "MaxAtUtcTicks";
    private const string MinIdTicks = "MinIdTicks";
    private const string MaxIdTicks = "MaxIdTicks";
    private const string Count = "Count";
    private const string Blob = "Questions";

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
        // Encoded (the CPU-heavy part) outside the lock; one transaction, one flush, however many rows.
        var documents = questions.Chunk(MaxBatchQuestions).Select(chunk => ToBatch(ObjectId.NewObjectId(), chunk)).ToList();
        lock (context.WriteLock)
            context.Database.GetCollection(BatchesCollection).InsertBulk(documents);
        return Task.CompletedTask;
    }

    public Task<LoggedQuestion?> GetAsync(CommunityId community, string id, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var question = Find(id);
        return Task.FromResult(question is not null && question.Community == community ? question : null);
    }

    public Task<IReadOnlyList<LoggedQuestion>> ListAsync(CommunityId community, DateTimeOffset since, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var key = community.ToString();
        var from = since.UtcTicks;
        var rows = Questions(context).Find(x => x.Community == key && x.AtUtcTicks >= from).Select(ToQuestion)
            .Concat(Batched(Query.GTE(MaxAt, from)).Where(q => q.Community == community && q.At.UtcTicks >= from))
            .OrderBy(q => q.At.UtcTicks).ThenBy(q => q.Id, StringComparer.Ordinal)
            .ToList();
        return Task.FromResult<IReadOnlyList<LoggedQuestion>>(rows);
    }

    public Task<ShakyQuestionPage> ListShakyAsync(
        CommunityId community, DateTimeOffset since, ShakyCut cut, int limit, ShakyCursor? after = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(cut);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit);
        cancellationToken.ThrowIfCancellationRequested();
        var key = community.ToString();
        var from = since.UtcTicks;
        // The window's rows stream past (a batch decoded at a time); only one entry per distinct question is held.
        var distinct = new Dictionary<string, (int Count, LoggedQuestion Latest)>(StringComparer.Ordinal);
        var rows = Questions(context).Find(x => x.Community == key && x.AtUtcTicks >= from).Select(ToQuestion)
            .Concat(Batched(Query.GTE(MaxAt, from)).Where(q => q.Community == community && q.At.UtcTicks >= from));
        foreach (var q in rows)
        {
            if (!cut.IsShaky(q))
                continue;
            distinct[q.Normalised] = distinct.TryGetValue(q.Normalised, out var seen)
                ? (seen.Count + 1, Later(q, seen.Latest))
                : (1, q);
        }

        var asked = distinct.Values.Sum(d => d.Count);
        var ordered = distinct
            .Select(d => new ShakyQuestion(d.Key, d.Value.Latest.Text, d.Value.Count, d.Value.Latest.At, d.Value.Latest.Decision))
            .Where(q => after is null || after.Precedes(q))
            .OrderByDescending(q => q.LastAsked.UtcTicks).ThenByDescending(q => q.Normalised, StringComparer.Ordinal)
            .Take(limit + 1)
            .ToList();
        var page = ordered.Take(limit).ToList();
        return Task.FromResult(new ShakyQuestionPage(page, distinct.Count, asked, ordered.Count > limit ? page[^1].Cursor : null));
    }

    /// <summary>The later ask of the two (by time, then id, as the list orders them).</summary>
    private static LoggedQuestion Later(LoggedQuestion a, LoggedQuestion b) =>
        a.At.UtcTicks > b.At.UtcTicks || (a.At.UtcTicks == b.At.UtcTicks && string.CompareOrdinal(a.Id, b.Id) > 0) ? a : b;

    public Task<int> CountAskersAsync(CommunityId community, DateTimeOffset since, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var key = community.ToString();
        var from = since.UtcTicks;
        var count = Questions(context).Find(x => x.Community == key && x.AtUtcTicks >= from).Select(d => d.AskerHash)
            .Concat(Batched(Query.GTE(MaxAt, from)).Where(q => q.Community == community && q.At.UtcTicks >= from).Select(q => q.AskerHash))
            .OfType<string>().Distinct(StringComparer.Ordinal).Count();
        return Task.FromResult(count);
    }

    public Task<FeedbackOutcome> RecordFeedbackAsync(CommunityId community, QuestionFeedback feedback, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(feedback);
        cancellationToken.ThrowIfCancellationRequested();
        var key = community.ToString();
        lock (context.WriteLock)
        {
            var question = Find(feedback.QuestionId);
            if (question is null || question.Community != community)
                return Task.FromResult(FeedbackOutcome.UnknownQuestion);
            var inserted = FeedbackOf(context).Upsert(new QuestionFeedbackDocument
            {
                Id = $"{feedback.QuestionId}|{feedback.VoterHash}|{(feedback.IsVote ? "vote" : "choice")}",
                QuestionId = feedback.QuestionId,
                Community = key,
                QuestionAtUtcTicks = question.At.UtcTicks,
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
        // No index on the hash (each would cost every /faq question a write): the rare export scans the retention-bounded log.
        var questions = Questions(context).Find(x => x.AskerHash == askerHash && x.Community == key).Select(ToQuestion)
            .Concat(Batched(null).Where(q => q.AskerHash == askerHash && q.Community == community))
            .OrderBy(q => q.At.UtcTicks).ThenBy(q => q.Id, StringComparer.Ordinal).ToList();
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
                // Every batch is opened (no index on the hash, see ExportAskerAsync); only those holding the learner's
                // questions are kept in memory and rewritten, after the scan.
                var unlinked = linked.Count;
                var batches = context.Database.GetCollection(BatchesCollection);
                var rewritten = new List<BsonDocument>();
                foreach (var batch in batches.FindAll())
                {
                    var held = QuestionBatchCodec.Decode(batch[Blob].AsBinary);
                    var mine = held.Count(q => q.AskerHash == askerHash && q.Community == community);
                    if (mine == 0)
                        continue;
                    unlinked += mine;
                    rewritten.Add(ToBatch(batch["_id"].AsObjectId,
                        held.Select(q => q.AskerHash == askerHash && q.Community == community ? q with { AskerHash = null } : q).ToList()));
                }
                batches.Update(rewritten);
                return new AskerForgotten(unlinked, deleted);
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
                var pruned = Questions(context).DeleteMany(x => x.AtUtcTicks < cutoff);
                var batches = context.Database.GetCollection(BatchesCollection);
                foreach (var batch in batches.Find(Query.LT(MinAt, cutoff)).ToList())
                {
                    if (batch[MaxAt].AsInt64 < cutoff)
                    {
                        pruned += batch[Count].AsInt32;
                        batches.Delete(batch["_id"]);
                        continue;
                    }
                    // A batch that straddles the cutoff keeps its newer questions.
                    var held = QuestionBatchCodec.Decode(batch[Blob].AsBinary);
                    var kept = held.Where(q => q.At.UtcTicks >= cutoff).ToList();
                    pruned += held.Count - kept.Count;
                    batches.Update(ToBatch(batch["_id"].AsObjectId, kept));
                }
                return pruned;
            }));
        }
    }

    internal static void EnsureIndexes(LiteDatabase database)
    {
        // One index beyond _id: each costs every /faq question a write. Listing and pruning go by time; the rare
        // export or forget of one asker scans the (retention-bounded) collection instead of indexing every hash.
        var questions = database.GetCollection<QuestionLogDocument>(QuestionsCollection);
        questions.EnsureIndex(x => x.AtUtcTicks);
        // Per batch, not per question: listing goes by the newest question, pruning by the oldest, a vote by its id's time.
        var batches = database.GetCollection(BatchesCollection);
        batches.EnsureIndex(MaxAt, "$." + MaxAt);
        batches.EnsureIndex(MinAt, "$." + MinAt);
        batches.EnsureIndex(MaxIdTicks, "$." + MaxIdTicks);
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

    /// <summary>Every logged question of the file, the pre-batching documents and the batches (for the export to PostgreSQL).</summary>
    internal static List<LoggedQuestion> ReadAll(LiteDatabase database) =>
        database.GetCollection<QuestionLogDocument>(QuestionsCollection).FindAll().Select(ToQuestion)
            .Concat(database.GetCollection(BatchesCollection).FindAll().SelectMany(b => QuestionBatchCodec.Decode(b[Blob].AsBinary)))
            .ToList();

    /// <summary>The question with that id in any community: a pre-batching document, or inside the batch its id's time points to.</summary>
    private LoggedQuestion? Find(string id)
    {
        if (Questions(context).FindById(id) is { } document)
            return ToQuestion(document);
        // Ids made by QuestionIds carry their moment, so only the batches spanning it are opened; any other id (tests,
        // hand-made rows) is looked for in every batch.
        var query = QuestionBatchCodec.IdTicks(id) is { } ticks ? Query.And(Query.GTE(MaxIdTicks, ticks), Query.LTE(MinIdTicks, ticks)) : null;
        return Batched(query).FirstOrDefault(q => string.Equals(q.Id, id, StringComparison.Ordinal));
    }

    /// <summary>The questions of the batches matching <paramref name="query"/> (all batches when null).</summary>
    private IEnumerable<LoggedQuestion> Batched(BsonExpression? query)
    {
        var batches = context.Database.GetCollection(BatchesCollection);
        var found = query is null ? batches.FindAll() : batches.Find(query);
        return found.SelectMany(b => QuestionBatchCodec.Decode(b[Blob].AsBinary));
    }

    private static BsonDocument ToBatch(ObjectId id, IReadOnlyList<LoggedQuestion> questions)
    {
        var minAt = long.MaxValue;
        var maxAt = long.MinValue;
        // A batch without a time-ordered id gets an empty id range, so only the scan for other ids opens it.
        var minId = long.MaxValue;
        var maxId = long.MinValue;
        foreach (var question in questions)
        {
            minAt = Math.Min(minAt, question.At.UtcTicks);
            maxAt = Math.Max(maxAt, question.At.UtcTicks);
            if (QuestionBatchCodec.IdTicks(question.Id) is { } ticks)
            {
                minId = Math.Min(minId, ticks);
                maxId = Math.Max(maxId, ticks);
            }
        }
        return new BsonDocument
        {
            ["_id"] = id,
            [MinAt] = minAt,
            [MaxAt] = maxAt,
            [MinIdTicks] = minId,
            [MaxIdTicks] = maxId,
            [Count] = questions.Count,
            [Blob] = QuestionBatchCodec.Encode(questions),
        };
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
