using MentorBot.Core.Faq;
using MentorBot.Core.Faq.QuestionLog;
using MentorBot.Core.Identity;
using Npgsql;
using NpgsqlTypes;

namespace MentorBot.Storage.Postgres;

/// <summary>
/// The question log in <c>question_log</c>, feedback in <c>question_log_feedback</c> (deleted with its question) and
/// salts in <c>question_log_salts</c>. Every write is one statement or one batch, so hosts sharing the database need
/// no locks of their own: the primary keys decide races.
/// </summary>
public sealed class PostgresQuestionLog(PostgresStorage storage) : IQuestionLog
{
    private const string Columns =
        "id, community, text, normalised, at_utc_ticks, at_offset_minutes, outcome, entry_id, confidence, suggestion_ids, small_talk, engine_version, asker_hash";

    private const string FeedbackColumns = "question_id, voter_hash, kind, entry_id, at_utc_ticks, at_offset_minutes";

    private const string PostgresForeignKeyViolation = "23503";

    public async Task<byte[]> GetOrAddSaltAsync(CommunityId community, byte[] candidate, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(candidate);
        var key = community.ToString();
        // Two statements, not one: the read must see a salt another host committed while this insert waited on it.
        await storage.DataSource.ExecuteAsync(
            "INSERT INTO question_log_salts (community, salt) VALUES ($1, $2) ON CONFLICT (community) DO NOTHING", cancellationToken, key, candidate)
            .ConfigureAwait(false);
        var salt = await storage.DataSource.QuerySingleAsync(
            "SELECT salt FROM question_log_salts WHERE community = $1", r => r.GetFieldValue<byte[]>(0), cancellationToken, key).ConfigureAwait(false);
        return salt ?? throw new InvalidOperationException($"The question log salt of {key} vanished after it was stored.");
    }

    public async Task AppendAsync(IReadOnlyList<LoggedQuestion> questions, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(questions);
        if (questions.Count == 0)
            return;
        // One binary COPY per batch: no statement to parse or plan per row, and all of the batch or none of it.
        var connection = await storage.DataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var connectionDisposal = connection.ConfigureAwait(false);
        var importer = await connection.BeginBinaryImportAsync($"COPY question_log ({Columns}) FROM STDIN (FORMAT BINARY)", cancellationToken)
            .ConfigureAwait(false);
        await using var importerDisposal = importer.ConfigureAwait(false);
        foreach (var q in questions)
        {
            await importer.StartRowAsync(cancellationToken).ConfigureAwait(false);
            await importer.WriteAsync(q.Id, NpgsqlDbType.Text, cancellationToken).ConfigureAwait(false);
            await importer.WriteAsync(q.Community.ToString(), NpgsqlDbType.Text, cancellationToken).ConfigureAwait(false);
            await importer.WriteAsync(q.Text, NpgsqlDbType.Text, cancellationToken).ConfigureAwait(false);
            await importer.WriteAsync(q.Normalised, NpgsqlDbType.Text, cancellationToken).ConfigureAwait(false);
            await importer.WriteAsync(q.At.UtcTicks, NpgsqlDbType.Bigint, cancellationToken).ConfigureAwait(false);
            await importer.WriteAsync(Ticks.Offset(q.At), NpgsqlDbType.Integer, cancellationToken).ConfigureAwait(false);
            await importer.WriteAsync(q.Decision.Outcome.ToString(), NpgsqlDbType.Text, cancellationToken).ConfigureAwait(false);
            await WriteNullableAsync(importer, q.Decision.EntryId, NpgsqlDbType.Text, cancellationToken).ConfigureAwait(false);
            if (q.Decision.Confidence is { } confidence)
                await importer.WriteAsync(confidence, NpgsqlDbType.Double, cancellationToken).ConfigureAwait(false);
            else
                await importer.WriteNullAsync(cancellationToken).ConfigureAwait(false);
            await importer.WriteAsync(q.Decision.SuggestionIds.ToArray(), NpgsqlDbType.Array | NpgsqlDbType.Text, cancellationToken).ConfigureAwait(false);
            await WriteNullableAsync(importer, q.Decision.SmallTalk?.ToString(), NpgsqlDbType.Text, cancellationToken).ConfigureAwait(false);
            await importer.WriteAsync(q.EngineVersion, NpgsqlDbType.Text, cancellationToken).ConfigureAwait(false);
            await WriteNullableAsync(importer, q.AskerHash, NpgsqlDbType.Text, cancellationToken).ConfigureAwait(false);
        }
        await importer.CompleteAsync(cancellationToken).ConfigureAwait(false);
    }

    private static Task WriteNullableAsync(NpgsqlBinaryImporter importer, string? value, NpgsqlDbType type, CancellationToken cancellationToken) =>
        value is null ? importer.WriteNullAsync(cancellationToken) : importer.WriteAsync(value, type, cancellationToken);

    public Task<LoggedQuestion?> GetAsync(CommunityId community, string id, CancellationToken cancellationToken = default) =>
        storage.DataSource.QuerySingleAsync(
            $"SELECT {Columns} FROM question_log WHERE id = $1 AND community = $2", ReadQuestion, cancellationToken, id, community.ToString());

    public async Task<IReadOnlyList<LoggedQuestion>> ListAsync(CommunityId community, DateTimeOffset since, CancellationToken cancellationToken = default) =>
        await storage.DataSource.QueryAsync(
            $"SELECT {Columns} FROM question_log WHERE community = $1 AND at_utc_ticks >= $2 ORDER BY at_utc_ticks, id",
            ReadQuestion, cancellationToken, community.ToString(), since.UtcTicks).ConfigureAwait(false);

    public async Task<ShakyQuestionPage> ListShakyAsync(
        CommunityId community, DateTimeOffset since, ShakyCut cut, int limit, ShakyCursor? after = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(cut);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit);
        // Grouped, counted, ordered and cut to the page in the database: one row per distinct question of the page
        // (plus one to know whether there is an older page) comes back, each with the window's totals. An answer's cut
        // depends on the engine mode in its label (see ShakyCut).
        var rows = await storage.DataSource.QueryAsync(
            $"""
            WITH shaky AS (
                SELECT normalised, text, at_utc_ticks, at_offset_minutes, id, outcome, entry_id, confidence, suggestion_ids
                FROM question_log
                WHERE community = $1 AND at_utc_ticks >= $2
                  AND (outcome IN ('Declined', 'Suggested', 'NotEnglish')
                       OR (outcome = 'Answered' AND (confidence IS NULL OR confidence <
                           CASE WHEN ' ' || engine_version || ' ' LIKE '% {FaqEngineVersion.LexicalOnlyTag} %' THEN $4 ELSE $3 END)))
            ),
            latest AS (
                SELECT DISTINCT ON (normalised COLLATE "C") *, count(*) OVER (PARTITION BY normalised COLLATE "C") AS asked
                FROM shaky
                ORDER BY normalised COLLATE "C", at_utc_ticks DESC, id DESC
            ),
            totalled AS (
                SELECT *, count(*) OVER () AS distinct_total, sum(asked) OVER () AS asked_total FROM latest
            )
            SELECT normalised, text, at_utc_ticks, at_offset_minutes, outcome, entry_id, confidence, suggestion_ids, asked, distinct_total, asked_total
            FROM totalled
            WHERE $5::bigint IS NULL OR at_utc_ticks < $5 OR (at_utc_ticks = $5 AND normalised COLLATE "C" < $6::text COLLATE "C")
            ORDER BY at_utc_ticks DESC, normalised COLLATE "C" DESC
            LIMIT $7
            """,
            r => (Question: new ShakyQuestion(
                    r.GetString(0),
                    r.GetString(1),
                    (int)r.GetInt64(8),
                    Ticks.ToDateTimeOffset(r.GetInt64(2), r.GetInt32(3)),
                    new QuestionDecision(Enum.Parse<QuestionOutcome>(r.GetString(4)))
                    {
                        EntryId = r.NullableString(5),
                        Confidence = r.IsDBNull(6) ? null : r.GetDouble(6),
                        SuggestionIds = r.GetFieldValue<string[]>(7),
                    }),
                Distinct: (int)r.GetInt64(9),
                Asked: (int)r.GetDecimal(10)),
            cancellationToken,
            community.ToString(), since.UtcTicks, cut.WithModel, cut.LexicalOnly,
            (object?)after?.LastAskedUtcTicks ?? DBNull.Value, (object?)after?.Normalised ?? DBNull.Value, limit + 1).ConfigureAwait(false);
        if (rows.Count == 0 && after is not null)
        {
            // A page past the oldest still says how many there are.
            var first = await ListShakyAsync(community, since, cut, 1, null, cancellationToken).ConfigureAwait(false);
            return first with { Questions = [], Older = null };
        }

        var page = rows.Take(limit).Select(r => r.Question).ToList();
        return new ShakyQuestionPage(
            page, rows.Count > 0 ? rows[0].Distinct : 0, rows.Count > 0 ? rows[0].Asked : 0, rows.Count > limit ? page[^1].Cursor : null);
    }

    public async Task<int> CountAskersAsync(CommunityId community, DateTimeOffset since, CancellationToken cancellationToken = default)
    {
        var rows = await storage.DataSource.QueryAsync(
            "SELECT count(DISTINCT asker_hash) FROM question_log WHERE community = $1 AND at_utc_ticks >= $2",
            r => r.GetInt64(0), cancellationToken, community.ToString(), since.UtcTicks).ConfigureAwait(false);
        return (int)rows[0];
    }

    public async Task<FeedbackOutcome> RecordFeedbackAsync(CommunityId community, QuestionFeedback feedback, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(feedback);
        try
        {
            // The question's existence and community are checked by the same statement that writes; xmax = 0 marks a
            // row this statement inserted rather than updated.
            var rows = await storage.DataSource.QueryAsync(
                """
                INSERT INTO question_log_feedback (question_id, voter_hash, slot, community, kind, entry_id, at_utc_ticks, at_offset_minutes)
                SELECT id, $2, $3, community, $4, $5, $6, $7 FROM question_log WHERE id = $1 AND community = $8
                ON CONFLICT (question_id, voter_hash, slot) DO UPDATE
                    SET kind = excluded.kind, entry_id = excluded.entry_id, at_utc_ticks = excluded.at_utc_ticks, at_offset_minutes = excluded.at_offset_minutes
                RETURNING (xmax = 0)
                """,
                r => r.GetBoolean(0), cancellationToken,
                feedback.QuestionId, feedback.VoterHash, feedback.IsVote ? "vote" : "choice", feedback.Kind.ToString(), feedback.EntryId,
                feedback.At.UtcTicks, Ticks.Offset(feedback.At), community.ToString()).ConfigureAwait(false);
            if (rows.Count == 0)
                return FeedbackOutcome.UnknownQuestion;
            return rows[0] ? FeedbackOutcome.Recorded : FeedbackOutcome.Replaced;
        }
        catch (PostgresException ex) when (ex.SqlState == PostgresForeignKeyViolation)
        {
            // The question was pruned between the statement's read and its write.
            return FeedbackOutcome.UnknownQuestion;
        }
    }

    public async Task<IReadOnlyList<EntryFeedback>> FeedbackByEntryAsync(CommunityId community, DateTimeOffset since, CancellationToken cancellationToken = default) =>
        await storage.DataSource.QueryAsync(
            """
            SELECT entry_id,
                   count(*) FILTER (WHERE kind = 'Helpful'),
                   count(*) FILTER (WHERE kind = 'NotHelpful'),
                   count(*) FILTER (WHERE kind = 'ChoseSuggestion')
            FROM question_log_feedback WHERE community = $1 AND at_utc_ticks >= $2
            GROUP BY entry_id ORDER BY entry_id COLLATE "C"
            """,
            r => new EntryFeedback(r.GetString(0), (int)r.GetInt64(1), (int)r.GetInt64(2), (int)r.GetInt64(3)),
            cancellationToken, community.ToString(), since.UtcTicks).ConfigureAwait(false);

    public async Task<AskerRecords> ExportAskerAsync(CommunityId community, string askerHash, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(askerHash);
        var questions = await storage.DataSource.QueryAsync(
            $"SELECT {Columns} FROM question_log WHERE community = $1 AND asker_hash = $2 ORDER BY at_utc_ticks, id",
            ReadQuestion, cancellationToken, community.ToString(), askerHash).ConfigureAwait(false);
        var feedback = await storage.DataSource.QueryAsync(
            $"SELECT {FeedbackColumns} FROM question_log_feedback WHERE community = $1 AND voter_hash = $2 ORDER BY at_utc_ticks, question_id, slot",
            ReadFeedback, cancellationToken, community.ToString(), askerHash).ConfigureAwait(false);
        return new AskerRecords(questions, feedback);
    }

    public async Task<AskerForgotten> ForgetAskerAsync(CommunityId community, string askerHash, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(askerHash);
        var key = community.ToString();
        var affected = await storage.DataSource.ExecuteBatchAsync(
            [
                ("DELETE FROM question_log_feedback WHERE community = $1 AND voter_hash = $2", [key, askerHash]),
                ("UPDATE question_log SET asker_hash = NULL WHERE community = $1 AND asker_hash = $2", [key, askerHash]),
            ],
            cancellationToken).ConfigureAwait(false);
        return new AskerForgotten(affected[1], affected[0]);
    }

    public Task<int> PruneAsync(DateTimeOffset before, CancellationToken cancellationToken = default) =>
        storage.DataSource.ExecuteAsync("DELETE FROM question_log WHERE at_utc_ticks < $1", cancellationToken, before.UtcTicks);

    private static LoggedQuestion ReadQuestion(NpgsqlDataReader r) => new(
        r.GetString(0),
        CommunityId.Parse(r.GetString(1)),
        r.GetString(2),
        r.GetString(3),
        Ticks.ToDateTimeOffset(r.GetInt64(4), r.GetInt32(5)),
        new QuestionDecision(Enum.Parse<QuestionOutcome>(r.GetString(6)))
        {
            EntryId = r.NullableString(7),
            Confidence = r.IsDBNull(8) ? null : r.GetDouble(8),
            SuggestionIds = r.GetFieldValue<string[]>(9),
            SmallTalk = r.NullableString(10) is { } smallTalk ? Enum.Parse<SmallTalkKind>(smallTalk) : null,
        },
        r.GetString(11),
        r.NullableString(12));

    private static QuestionFeedback ReadFeedback(NpgsqlDataReader r) => new(
        r.GetString(0), r.GetString(1), Enum.Parse<FeedbackKind>(r.GetString(2)), r.GetString(3), Ticks.ToDateTimeOffset(r.GetInt64(4), r.GetInt32(5)));
}
