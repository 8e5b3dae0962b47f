using System.Globalization;
using MentorBot.Core.Storage;
using Npgsql;

namespace MentorBot.Storage.Postgres;

/// <summary>How one table fared in an import: rows in the source, rows newly written, source rows found afterwards.</summary>
public sealed record ImportedTable(string Table, int Source, int Inserted, int Verified)
{
    public bool Complete => Verified == Source;
}

/// <summary>
/// Writes a <see cref="StorageSnapshot"/> into PostgreSQL. Every row is <c>INSERT … ON CONFLICT DO NOTHING</c>, so an
/// import can be run again (after a partial failure, say) and only adds what is missing; rows already present are kept.
/// Afterwards every source row's key is looked up again, so the counts are checked against the database, not assumed.
/// </summary>
public static class PostgresImport
{
    private const int BatchSize = 500;

    /// <summary>Tables whose <c>id</c> is a PostgreSQL identity that the import fills with the source's ids.</summary>
    private static readonly string[] IdentityTables = ["challenges", "dashboard_audit"];

    public static async Task<IReadOnlyList<ImportedTable>> ImportAsync(PostgresStorage storage, StorageSnapshot snapshot, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(storage);
        ArgumentNullException.ThrowIfNull(snapshot);
        var result = new List<ImportedTable>();
        foreach (var table in Tables(snapshot))
        {
            var inserted = await InsertAsync(storage.DataSource, table, cancellationToken).ConfigureAwait(false);
            var present = (await storage.DataSource.QueryAsync($"SELECT {table.KeySql} FROM {table.Name}", r => r.GetString(0), cancellationToken)
                .ConfigureAwait(false)).ToHashSet(StringComparer.Ordinal);
            var verified = table.Rows.Count(row => present.Contains(table.Key(row)));
            result.Add(new ImportedTable(table.Name, table.Rows.Count, inserted, verified));
        }

        // Challenges and audit entries kept their ids; each identity must continue after the largest, or the next
        // row written in PostgreSQL would collide with an imported one.
        foreach (var table in IdentityTables)
        {
            await storage.DataSource.ExecuteAsync(
                $"SELECT setval(pg_get_serial_sequence('{table}', 'id'), coalesce((SELECT max(id) FROM {table}), 1), (SELECT count(*) > 0 FROM {table}))",
                cancellationToken).ConfigureAwait(false);
        }
        return result;
    }

    private static async Task<int> InsertAsync(NpgsqlDataSource dataSource, Table table, CancellationToken cancellationToken)
    {
        if (table.Rows.Count == 0)
            return 0;
        var placeholders = string.Join(", ", table.Columns.Select((_, i) => $"${i + 1}"));
        // GENERATED ALWAYS identities refuse a given id unless told to take it.
        var overriding = table.OverridingIdentity ? " OVERRIDING SYSTEM VALUE" : "";
        var sql = $"INSERT INTO {table.Name} ({string.Join(", ", table.Columns)}){overriding} VALUES ({placeholders}) ON CONFLICT DO NOTHING";
        var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var connectionDisposal = connection.ConfigureAwait(false);
        var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await using var transactionDisposal = transaction.ConfigureAwait(false);
        var inserted = 0;
        foreach (var chunk in table.Rows.Chunk(BatchSize))
        {
            var batch = new NpgsqlBatch(connection, transaction);
            await using var batchDisposal = batch.ConfigureAwait(false);
            foreach (var row in chunk)
            {
                var command = new NpgsqlBatchCommand(sql);
                foreach (var value in row)
                    command.Parameters.Add(new NpgsqlParameter { Value = value ?? DBNull.Value });
                batch.BatchCommands.Add(command);
            }

            inserted += await batch.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return inserted;
    }

    /// <summary>Columns in the same order as the stores write them; the first <see cref="Table.KeyColumns"/> form the key.</summary>
    private static IEnumerable<Table> Tables(StorageSnapshot s)
    {
        yield return new Table("learners",
            ["id", "display_name", "time_zone_id", "current_week", "communities", "created_at_utc_ticks", "created_at_offset_minutes"], 1, "id",
            s.Learners.Select(p => Row(p.Id.ToString(), p.DisplayName, p.TimeZoneId, p.CurrentWeek,
                p.Communities.Select(c => c.ToString()).ToArray(), p.CreatedAt.UtcTicks, Ticks.Offset(p.CreatedAt))).ToList());
        yield return new Table("checkins",
            ["learner", "local_date", "at_utc_ticks", "at_offset_minutes", "note"], 2, "learner || '|' || to_char(local_date, 'YYYY-MM-DD')",
            s.Checkins.Select(c => Row(c.Learner.ToString(), c.LocalDate, c.At.UtcTicks, Ticks.Offset(c.At), c.Note)).ToList());
        yield return new Table("task_completions",
            ["learner", "week", "local_date", "at_utc_ticks", "at_offset_minutes"], 2, "learner || '|' || week",
            s.TaskCompletions.Select(c => Row(c.Learner.ToString(), c.Week, c.LocalDate, c.At.UtcTicks, Ticks.Offset(c.At))).ToList());
        yield return new Table("streak_summaries",
            ["learner", "display_name", "time_zone_id", "last_active_day", "current_at_last_day", "longest", "freezes_at_last_day",
                "updated_at_utc_ticks", "updated_at_offset_minutes"], 1, "learner",
            s.StreakSummaries.Select(x => Row(x.Learner.ToString(), x.DisplayName, x.TimeZoneId, x.LastActiveDay, x.CurrentAtLastDay, x.Longest,
                x.FreezesAtLastDay, x.UpdatedAt.UtcTicks, Ticks.Offset(x.UpdatedAt))).ToList());
        yield return new Table("subscriptions",
            ["learner", "community", "day_of_week", "time_of_day_ticks", "time_zone_id", "paused_until", "created_at_utc_ticks", "created_at_offset_minutes"],
            1, "learner",
            s.Subscriptions.Select(x => Row(x.Learner.ToString(), x.Community.ToString(), (int)x.Day, x.Time.Ticks, x.TimeZoneId, x.PausedUntil,
                x.CreatedAt.UtcTicks, Ticks.Offset(x.CreatedAt))).ToList());
        yield return new Table("challenges",
            ["id", "community", "title", "description", "due", "posted_by", "posted_at_utc_ticks", "posted_at_offset_minutes",
                "closed_at_utc_ticks", "closed_at_offset_minutes"], 1, "id::text",
            s.Challenges.Select(c => Row(c.Id, c.Community.ToString(), c.Title, c.Description, c.Due, c.PostedBy.ToString(), c.PostedAt.UtcTicks,
                Ticks.Offset(c.PostedAt), c.ClosedAt?.UtcTicks, c.ClosedAt is { } closed ? Ticks.Offset(closed) : null)).ToList());
        yield return new Table("challenge_submissions",
            ["challenge_id", "learner", "display_name", "link", "submitted_at_utc_ticks", "submitted_at_offset_minutes"], 2, "challenge_id || '|' || learner",
            s.Submissions.Select(x => Row(x.ChallengeId, x.Learner.ToString(), x.DisplayName, x.Link, x.SubmittedAt.UtcTicks, Ticks.Offset(x.SubmittedAt))).ToList());
        yield return new Table("deliveries",
            ["key", "learner", "community", "slot_utc_ticks", "local_week", "roadmap_week", "kind", "status", "attempts", "created_at_utc_ticks",
                "next_attempt_at_utc_ticks", "completed_at_utc_ticks", "last_error", "claims"], 1, "key",
            s.Deliveries.Select(r => Row(r.Key, r.Learner.ToString(), r.Community.ToString(), r.SlotUtc.UtcTicks, r.LocalWeek, r.RoadmapWeek,
                r.Kind.ToString(), r.Status.ToString(), r.Attempts, r.CreatedAt.UtcTicks, r.NextAttemptAt.UtcTicks, r.CompletedAt?.UtcTicks, r.LastError,
                // The claim itself belongs to the stopped LiteDB host; its count tells a new claimant an earlier send may have landed.
                r.Claims)).ToList());
        yield return new Table("undeliverable_notices",
            ["learner", "reason", "at_utc_ticks"], 1, "learner",
            s.Notices.Select(n => Row(n.Learner.ToString(), n.Reason, n.At.UtcTicks)).ToList());
        yield return new Table("dm_channels",
            ["learner", "channel_id"], 1, "learner",
            s.DirectChannels.Select(c => Row(c.Learner.ToString(), c.ChannelId)).ToList());
        yield return new Table("delivery_cursor",
            ["id", "utc_ticks"], 1, "id::text",
            s.DeliveryCursor is { } cursor ? [Row(1, cursor.UtcTicks)] : []);
        yield return new Table("dashboard_settings",
            ["name", "value"], 1, "name",
            s.DashboardSettings.Select(x => Row(x.Name, x.Value)).ToList());
        yield return new Table("dashboard_sign_ins",
            ["token_id", "expires_at_utc_ticks"], 1, "token_id",
            s.DashboardSignIns.Select(x => Row(x.TokenId, x.ExpiresAt.UtcTicks)).ToList());
        // Verified by the whole entry, not only its id: an entry PostgreSQL already holds under the same id is another
        // entry (the log is append-only), and must show as missing rather than pass for the imported one.
        yield return new Table("dashboard_audit",
            ["id", "community", "moderator", "display_name", "action", "detail", "at_utc_ticks"], 7,
            "id || '|' || community || '|' || moderator || '|' || display_name || '|' || action || '|' || detail || '|' || at_utc_ticks",
            s.DashboardAudit.Select(x => Row(x.Id, x.Entry.Community.ToString(), x.Entry.Moderator.ToString(), x.Entry.DisplayName, x.Entry.Action,
                x.Entry.Detail, x.Entry.At.UtcTicks)).ToList(), OverridingIdentity: true);
        // Verified with the salt itself: a different salt already stored for the community would leave every imported
        // asker hash unmatchable, so it must not pass for the imported one.
        yield return new Table("question_log_salts",
            ["community", "salt"], 2, "community || '|' || encode(salt, 'hex')",
            s.QuestionLogSalts.Select(x => Row(x.Community.ToString(), x.Salt)).ToList());
        yield return new Table("question_log",
            ["id", "community", "text", "normalised", "at_utc_ticks", "at_offset_minutes", "outcome", "entry_id", "confidence", "suggestion_ids",
                "small_talk", "engine_version", "asker_hash"], 1, "id",
            s.Questions.Select(q => Row(q.Id, q.Community.ToString(), q.Text, q.Normalised, q.At.UtcTicks, Ticks.Offset(q.At), q.Decision.Outcome.ToString(),
                q.Decision.EntryId, q.Decision.Confidence, q.Decision.SuggestionIds.ToArray(), q.Decision.SmallTalk?.ToString(), q.EngineVersion,
                q.AskerHash)).ToList());
        // After question_log: each vote refers to its question.
        yield return new Table("question_log_feedback",
            ["question_id", "voter_hash", "slot", "community", "kind", "entry_id", "at_utc_ticks", "at_offset_minutes"], 3,
            "question_id || '|' || voter_hash || '|' || slot",
            s.QuestionFeedback.Select(x => Row(x.Feedback.QuestionId, x.Feedback.VoterHash, x.Feedback.IsVote ? "vote" : "choice", x.Community.ToString(),
                x.Feedback.Kind.ToString(), x.Feedback.EntryId, x.Feedback.At.UtcTicks, Ticks.Offset(x.Feedback.At))).ToList());
    }

    private static object?[] Row(params object?[] values) => values;

    private sealed record Table(string Name, string[] Columns, int KeyColumns, string KeySql, IReadOnlyList<object?[]> Rows, bool OverridingIdentity = false)
    {
        public string Key(object?[] row) => string.Join('|', row.Take(KeyColumns).Select(Format));

        private static string Format(object? value) => value switch
        {
            DateOnly date => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            byte[] bytes => Convert.ToHexStringLower(bytes),
            IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
            _ => value?.ToString() ?? "",
        };
    }
}
