using System.Data;
using MentorBot.Core.Challenges;
using MentorBot.Core.Delivery;
using MentorBot.Core.Identity;
using MentorBot.Core.Privacy;
using MentorBot.Core.Roadmap;
using MentorBot.Core.Streaks;
using Npgsql;

namespace MentorBot.Storage.Postgres;

/// <summary>
/// One learner's rows across every table: the export reads one snapshot (REPEATABLE READ), the erasure is one
/// transaction, so another host sees the learner either whole or gone.
/// </summary>
public sealed class PostgresLearnerDataStore(PostgresStorage storage) : ILearnerDataStore
{
    public async Task<LearnerData> ExportAsync(LearnerId learner, CancellationToken cancellationToken = default)
    {
        var key = learner.ToString();
        var connection = await storage.DataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var connectionDisposal = connection.ConfigureAwait(false);
        var transaction = await connection.BeginTransactionAsync(IsolationLevel.RepeatableRead, cancellationToken).ConfigureAwait(false);
        await using var transactionDisposal = transaction.ConfigureAwait(false);

        var profile = (await QueryAsync(connection, transaction, $"SELECT {PostgresLearnerStore.Columns} FROM learners WHERE id = $1",
            PostgresLearnerStore.ToProfile, cancellationToken, key).ConfigureAwait(false)).SingleOrDefault();
        var checkins = await QueryAsync(connection, transaction,
            "SELECT local_date, at_utc_ticks, at_offset_minutes, note FROM checkins WHERE learner = $1 ORDER BY local_date",
            r => new Checkin(learner, r.Date(0), Ticks.ToDateTimeOffset(r.GetInt64(1), r.GetInt32(2)), r.NullableString(3)),
            cancellationToken, key).ConfigureAwait(false);
        var completions = await QueryAsync(connection, transaction,
            "SELECT week, local_date, at_utc_ticks, at_offset_minutes FROM task_completions WHERE learner = $1 ORDER BY week",
            r => new TaskCompletion(learner, r.GetInt32(0), r.Date(1), Ticks.ToDateTimeOffset(r.GetInt64(2), r.GetInt32(3))),
            cancellationToken, key).ConfigureAwait(false);
        var streak = (await QueryAsync(connection, transaction, $"SELECT {PostgresActivityStore.SummaryColumns} FROM streak_summaries WHERE learner = $1",
            PostgresActivityStore.ToSummary, cancellationToken, key).ConfigureAwait(false)).SingleOrDefault();
        var subscription = (await QueryAsync(connection, transaction, $"SELECT {PostgresSubscriptionStore.Columns} FROM subscriptions WHERE learner = $1",
            PostgresSubscriptionStore.ToSubscription, cancellationToken, key).ConfigureAwait(false)).SingleOrDefault();
        var challengeColumns = string.Join(", ", PostgresChallengeStore.Columns.Split(", ").Select(c => "c." + c));
        var submissions = await QueryAsync(connection, transaction, $"""
            SELECT {challengeColumns}, s.display_name, s.link, s.submitted_at_utc_ticks, s.submitted_at_offset_minutes
            FROM challenge_submissions s JOIN challenges c ON c.id = s.challenge_id
            WHERE s.learner = $1 ORDER BY s.submitted_at_utc_ticks, s.challenge_id
            """,
            r =>
            {
                var challenge = PostgresChallengeStore.ToChallenge(r);
                return new LearnerSubmission(
                    new ChallengeSubmission(challenge.Id, learner, r.GetString(10), r.GetString(11), Ticks.ToDateTimeOffset(r.GetInt64(12), r.GetInt32(13))),
                    challenge);
            },
            cancellationToken, key).ConfigureAwait(false);
        var deliveries = await QueryAsync(connection, transaction,
            $"SELECT {PostgresDeliveryOutbox.Columns} FROM deliveries WHERE learner = $1 ORDER BY slot_utc_ticks, key",
            PostgresDeliveryOutbox.ToRecord, cancellationToken, key).ConfigureAwait(false);
        var notice = (await QueryAsync(connection, transaction, "SELECT reason, at_utc_ticks FROM undeliverable_notices WHERE learner = $1",
            r => new UndeliverableNotice(learner, r.GetString(0), Ticks.Utc(r.GetInt64(1))), cancellationToken, key).ConfigureAwait(false)).SingleOrDefault();
        var channel = (await QueryAsync(connection, transaction, "SELECT channel_id FROM dm_channels WHERE learner = $1",
            r => r.GetString(0), cancellationToken, key).ConfigureAwait(false)).SingleOrDefault();
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return new LearnerData(profile, checkins, completions, streak, subscription, submissions, deliveries, notice, channel);
    }

    public async Task<LearnerErasure> ForgetAsync(LearnerId learner, CancellationToken cancellationToken = default)
    {
        var key = learner.ToString();
        var connection = await storage.DataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var connectionDisposal = connection.ConfigureAwait(false);
        var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await using var transactionDisposal = transaction.ConfigureAwait(false);

        // FOR SHARE on the challenges submitted to: a close (an UPDATE of that row) waits for this commit, so a
        // submission is judged open or closed against the state the commit leaves.
        await QueryAsync(connection, transaction,
            "SELECT c.id FROM challenges c WHERE c.id IN (SELECT challenge_id FROM challenge_submissions WHERE learner = $1) FOR SHARE",
            r => r.GetInt32(0), cancellationToken, key).ConfigureAwait(false);
        var anonymised = await ExecuteAsync(connection, transaction, """
            UPDATE challenge_submissions s
            SET learner = $2 || replace(gen_random_uuid()::text, '-', ''), display_name = $3, link = ''
            FROM challenges c
            WHERE c.id = s.challenge_id AND s.learner = $1 AND c.closed_at_utc_ticks IS NOT NULL
            """,
            cancellationToken, key, $"{learner.Platform}:{FormerLearner.IdPrefix}", FormerLearner.DisplayName).ConfigureAwait(false);
        var open = await ExecuteAsync(connection, transaction, "DELETE FROM challenge_submissions WHERE learner = $1", cancellationToken, key).ConfigureAwait(false);
        var learners = await ExecuteAsync(connection, transaction, "DELETE FROM learners WHERE id = $1", cancellationToken, key).ConfigureAwait(false);
        var checkins = await ExecuteAsync(connection, transaction, "DELETE FROM checkins WHERE learner = $1", cancellationToken, key).ConfigureAwait(false);
        var completions = await ExecuteAsync(connection, transaction, "DELETE FROM task_completions WHERE learner = $1", cancellationToken, key).ConfigureAwait(false);
        var streaks = await ExecuteAsync(connection, transaction, "DELETE FROM streak_summaries WHERE learner = $1", cancellationToken, key).ConfigureAwait(false);
        var subscriptions = await ExecuteAsync(connection, transaction, "DELETE FROM subscriptions WHERE learner = $1", cancellationToken, key).ConfigureAwait(false);
        var deliveries = await ExecuteAsync(connection, transaction, "DELETE FROM deliveries WHERE learner = $1", cancellationToken, key).ConfigureAwait(false);
        var notices = await ExecuteAsync(connection, transaction, "DELETE FROM undeliverable_notices WHERE learner = $1", cancellationToken, key).ConfigureAwait(false);
        var channels = await ExecuteAsync(connection, transaction, "DELETE FROM dm_channels WHERE learner = $1", cancellationToken, key).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return new LearnerErasure(learners, checkins, completions, streaks, subscriptions, open, deliveries, notices, channels, anonymised);
    }

    private static async Task<int> ExecuteAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, string sql, CancellationToken cancellationToken, params object?[] args)
    {
        var command = Command(connection, transaction, sql, args);
        await using var commandDisposal = command.ConfigureAwait(false);
        return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    private static async Task<List<T>> QueryAsync<T>(
        NpgsqlConnection connection, NpgsqlTransaction transaction, string sql, Func<NpgsqlDataReader, T> map, CancellationToken cancellationToken, params object?[] args)
    {
        var command = Command(connection, transaction, sql, args);
        await using var commandDisposal = command.ConfigureAwait(false);
        var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        await using var readerDisposal = reader.ConfigureAwait(false);
        var result = new List<T>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            result.Add(map(reader));
        return result;
    }

    private static NpgsqlCommand Command(NpgsqlConnection connection, NpgsqlTransaction transaction, string sql, object?[] args)
    {
        var command = new NpgsqlCommand(sql, connection, transaction);
        foreach (var arg in args)
            command.Parameters.Add(new NpgsqlParameter { Value = arg ?? DBNull.Value });
        return command;
    }
}
