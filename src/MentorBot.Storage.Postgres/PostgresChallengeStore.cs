using MentorBot.Core.Identity;
using MentorBot.Core.Storage;
using Npgsql;
using MentorBot.Core.Challenges;

namespace MentorBot.Storage.Postgres;

/// <summary>Challenges (ids 1, 2, 3, … from an identity column) and their submissions, one per challenge and learner.</summary>
public sealed class PostgresChallengeStore(PostgresStorage storage) : IChallengeStore
{
    internal const string Columns =
        "id, community, title, description, due, posted_by, posted_at_utc_ticks, posted_at_offset_minutes, closed_at_utc_ticks, closed_at_offset_minutes";

    public async Task<Challenge> CreateAsync(Challenge challenge, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(challenge);
        var ids = await storage.DataSource.QueryAsync("""
            INSERT INTO challenges (community, title, description, due, posted_by, posted_at_utc_ticks, posted_at_offset_minutes,
                closed_at_utc_ticks, closed_at_offset_minutes)
            VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id
            """,
            r => r.GetInt32(0),
            cancellationToken,
            challenge.Community.ToString(), challenge.Title, challenge.Description, challenge.Due, challenge.PostedBy.ToString(),
            challenge.PostedAt.UtcTicks, Ticks.Offset(challenge.PostedAt),
            challenge.ClosedAt?.UtcTicks, challenge.ClosedAt is { } closed ? Ticks.Offset(closed) : null).ConfigureAwait(false);
        return challenge with { Id = ids[0] };
    }

    public Task<Challenge?> GetAsync(int id, CancellationToken cancellationToken = default) =>
        storage.DataSource.QuerySingleAsync($"SELECT {Columns} FROM challenges WHERE id = $1", ToChallenge, cancellationToken, id);

    public async Task<IReadOnlyList<Challenge>> ListAsync(CommunityId community, bool includeClosed, CancellationToken cancellationToken = default) =>
        await storage.DataSource.QueryAsync(
            $"SELECT {Columns} FROM challenges WHERE community = $1 AND ($2 OR closed_at_utc_ticks IS NULL) ORDER BY posted_at_utc_ticks DESC, id DESC",
            ToChallenge, cancellationToken, community.ToString(), includeClosed).ConfigureAwait(false);

    public async Task<bool> TryCloseAsync(int id, DateTimeOffset closedAt, CancellationToken cancellationToken = default) =>
        await storage.DataSource.ExecuteAsync(
            "UPDATE challenges SET closed_at_utc_ticks = $2, closed_at_offset_minutes = $3 WHERE id = $1 AND closed_at_utc_ticks IS NULL",
            cancellationToken, id, closedAt.UtcTicks, Ticks.Offset(closedAt)).ConfigureAwait(false) == 1;

    /// <remarks>
    /// FOR SHARE on the open challenge row conflicts with the close's UPDATE: a close that started first makes the
    /// insert wait and then find the row closed (no row, nothing inserted); an insert that started first makes the close
    /// wait for its commit, so the close's listing sees it. xmax is 0 only on a freshly inserted row.
    /// </remarks>
    public async Task<SubmissionOutcome> UpsertSubmissionAsync(ChallengeSubmission submission, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(submission);
        var stored = await storage.DataSource.QueryAsync("""
            WITH open_challenge AS (SELECT id FROM challenges WHERE id = $1 AND closed_at_utc_ticks IS NULL FOR SHARE)
            INSERT INTO challenge_submissions (challenge_id, learner, display_name, link, submitted_at_utc_ticks, submitted_at_offset_minutes)
            SELECT id, $2, $3, $4, $5, $6 FROM open_challenge
            ON CONFLICT (challenge_id, learner) DO UPDATE SET display_name = excluded.display_name, link = excluded.link,
                submitted_at_utc_ticks = excluded.submitted_at_utc_ticks, submitted_at_offset_minutes = excluded.submitted_at_offset_minutes
            RETURNING xmax = 0
            """,
            r => r.GetBoolean(0),
            cancellationToken,
            submission.ChallengeId, submission.Learner.ToString(), submission.DisplayName, submission.Link,
            submission.SubmittedAt.UtcTicks, Ticks.Offset(submission.SubmittedAt)).ConfigureAwait(false);
        if (stored.Count == 1)
            return stored[0] ? SubmissionOutcome.Added : SubmissionOutcome.Replaced;

        var closed = await storage.DataSource.QueryAsync(
            "SELECT closed_at_utc_ticks IS NOT NULL FROM challenges WHERE id = $1", r => r.GetBoolean(0), cancellationToken, submission.ChallengeId)
            .ConfigureAwait(false);
        return closed.Count == 0 ? SubmissionOutcome.ChallengeMissing : SubmissionOutcome.ChallengeClosed;
    }

    public async Task<IReadOnlyList<ChallengeSubmission>> ListSubmissionsAsync(int challengeId, CancellationToken cancellationToken = default) =>
        await storage.DataSource.QueryAsync("""
            SELECT challenge_id, learner, display_name, link, submitted_at_utc_ticks, submitted_at_offset_minutes
            FROM challenge_submissions WHERE challenge_id = $1 ORDER BY submitted_at_utc_ticks, learner
            """,
            r => new ChallengeSubmission(r.GetInt32(0), LearnerId.Parse(r.GetString(1)), r.GetString(2), r.GetString(3),
                Ticks.ToDateTimeOffset(r.GetInt64(4), r.GetInt32(5))),
            cancellationToken, challengeId).ConfigureAwait(false);

    internal static Challenge ToChallenge(NpgsqlDataReader r) => new(
        r.GetInt32(0),
        CommunityId.Parse(r.GetString(1)),
        r.GetString(2),
        r.GetString(3),
        r.Date(4),
        LearnerId.Parse(r.GetString(5)),
        Ticks.ToDateTimeOffset(r.GetInt64(6), r.GetInt32(7)),
        r.NullableInt64(8) is { } closed ? Ticks.ToDateTimeOffset(closed, r.NullableInt32(9) ?? 0) : null);
}
