using MentorBot.Core.Identity;
using MentorBot.Core.Storage;
using Npgsql;
using MentorBot.Core.Learners;

namespace MentorBot.Storage.Postgres;

/// <summary>Learner profiles in <c>learners</c>; communities are a text[] with a GIN index for the membership query.</summary>
public sealed class PostgresLearnerStore(PostgresStorage storage) : ILearnerStore
{
    internal const string Columns = "id, display_name, time_zone_id, current_week, communities, created_at_utc_ticks, created_at_offset_minutes";

    public Task<LearnerProfile?> GetAsync(LearnerId id, CancellationToken cancellationToken = default) =>
        storage.DataSource.QuerySingleAsync($"SELECT {Columns} FROM learners WHERE id = $1", ToProfile, cancellationToken, id.ToString());

    public async Task UpsertAsync(LearnerProfile profile, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(profile);
        await storage.DataSource.ExecuteAsync($"""
            INSERT INTO learners ({Columns}) VALUES ($1, $2, $3, $4, $5, $6, $7)
            ON CONFLICT (id) DO UPDATE SET display_name = excluded.display_name, time_zone_id = excluded.time_zone_id,
                current_week = excluded.current_week, communities = excluded.communities,
                created_at_utc_ticks = excluded.created_at_utc_ticks, created_at_offset_minutes = excluded.created_at_offset_minutes
            """,
            cancellationToken,
            profile.Id.ToString(), profile.DisplayName, profile.TimeZoneId, profile.CurrentWeek,
            profile.Communities.Select(c => c.ToString()).ToArray(), profile.CreatedAt.UtcTicks, Ticks.Offset(profile.CreatedAt)).ConfigureAwait(false);
    }

    /// <summary>A compare-and-set in one statement: the row lock serialises concurrent advances, across hosts too.</summary>
    public async Task<bool> TryAdvanceWeekAsync(LearnerId id, int expectedWeek, int newWeek, CancellationToken cancellationToken = default) =>
        await storage.DataSource.ExecuteAsync(
            "UPDATE learners SET current_week = $3 WHERE id = $1 AND current_week = $2",
            cancellationToken, id.ToString(), expectedWeek, newWeek).ConfigureAwait(false) == 1;

    public async Task<IReadOnlyList<LearnerProfile>> ListByCommunityAsync(CommunityId community, CancellationToken cancellationToken = default) =>
        await storage.DataSource.QueryAsync(
            $"SELECT {Columns} FROM learners WHERE communities @> ARRAY[$1]::text[] ORDER BY created_at_utc_ticks, id",
            ToProfile, cancellationToken, community.ToString()).ConfigureAwait(false);

    internal static LearnerProfile ToProfile(NpgsqlDataReader r) => new(
        LearnerId.Parse(r.GetString(0)),
        r.GetString(1),
        r.GetString(2),
        r.GetInt32(3),
        r.GetFieldValue<string[]>(4).Select(CommunityId.Parse).ToList(),
        Ticks.ToDateTimeOffset(r.GetInt64(5), r.GetInt32(6)));
}
