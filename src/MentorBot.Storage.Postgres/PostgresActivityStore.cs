using MentorBot.Core.Identity;
using MentorBot.Core.Storage;
using Npgsql;
using MentorBot.Core.Roadmap;
using MentorBot.Core.Streaks;

namespace MentorBot.Storage.Postgres;

/// <summary>
/// Check-ins, task completions and streak summaries. "Once per learner and local day" (and per roadmap week) is the
/// primary key: <c>INSERT … ON CONFLICT DO NOTHING</c> lets exactly one of any number of concurrent writers, on any
/// host, insert the row.
/// </summary>
public sealed class PostgresActivityStore(PostgresStorage storage) : IActivityStore
{
    internal const string SummaryColumns =
        "learner, display_name, time_zone_id, last_active_day, current_at_last_day, longest, freezes_at_last_day, updated_at_utc_ticks, updated_at_offset_minutes";

    public async Task<bool> TryAddCheckinAsync(Checkin checkin, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(checkin);
        return await storage.DataSource.ExecuteAsync("""
            INSERT INTO checkins (learner, local_date, at_utc_ticks, at_offset_minutes, note) VALUES ($1, $2, $3, $4, $5)
            ON CONFLICT (learner, local_date) DO NOTHING
            """,
            cancellationToken,
            checkin.Learner.ToString(), checkin.LocalDate, checkin.At.UtcTicks, Ticks.Offset(checkin.At), checkin.Note).ConfigureAwait(false) == 1;
    }

    public async Task<IReadOnlyList<Checkin>> ListCheckinsAsync(LearnerId learner, CancellationToken cancellationToken = default) =>
        await storage.DataSource.QueryAsync(
            "SELECT local_date, at_utc_ticks, at_offset_minutes, note FROM checkins WHERE learner = $1 ORDER BY local_date, at_utc_ticks",
            r => new Checkin(learner, r.Date(0), Ticks.ToDateTimeOffset(r.GetInt64(1), r.GetInt32(2)), r.NullableString(3)),
            cancellationToken, learner.ToString()).ConfigureAwait(false);

    public async Task<bool> TryAddTaskCompletionAsync(TaskCompletion completion, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(completion);
        return await storage.DataSource.ExecuteAsync("""
            INSERT INTO task_completions (learner, week, local_date, at_utc_ticks, at_offset_minutes) VALUES ($1, $2, $3, $4, $5)
            ON CONFLICT (learner, week) DO NOTHING
            """,
            cancellationToken,
            completion.Learner.ToString(), completion.Week, completion.LocalDate, completion.At.UtcTicks, Ticks.Offset(completion.At)).ConfigureAwait(false) == 1;
    }

    public async Task<IReadOnlyList<TaskCompletion>> ListTaskCompletionsAsync(LearnerId learner, CancellationToken cancellationToken = default) =>
        await storage.DataSource.QueryAsync(
            "SELECT week, local_date, at_utc_ticks, at_offset_minutes FROM task_completions WHERE learner = $1 ORDER BY at_utc_ticks, week",
            r => new TaskCompletion(learner, r.GetInt32(0), r.Date(1), Ticks.ToDateTimeOffset(r.GetInt64(2), r.GetInt32(3))),
            cancellationToken, learner.ToString()).ConfigureAwait(false);

    public async Task UpsertStreakSummaryAsync(StreakSummary summary, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(summary);
        await storage.DataSource.ExecuteAsync($"""
            INSERT INTO streak_summaries ({SummaryColumns}) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
            ON CONFLICT (learner) DO UPDATE SET display_name = excluded.display_name, time_zone_id = excluded.time_zone_id,
                last_active_day = excluded.last_active_day, current_at_last_day = excluded.current_at_last_day,
                longest = excluded.longest, freezes_at_last_day = excluded.freezes_at_last_day,
                updated_at_utc_ticks = excluded.updated_at_utc_ticks, updated_at_offset_minutes = excluded.updated_at_offset_minutes
            """,
            cancellationToken,
            summary.Learner.ToString(), summary.DisplayName, summary.TimeZoneId, summary.LastActiveDay, summary.CurrentAtLastDay,
            summary.Longest, summary.FreezesAtLastDay, summary.UpdatedAt.UtcTicks, Ticks.Offset(summary.UpdatedAt)).ConfigureAwait(false);
    }

    public Task<StreakSummary?> GetStreakSummaryAsync(LearnerId learner, CancellationToken cancellationToken = default) =>
        storage.DataSource.QuerySingleAsync($"SELECT {SummaryColumns} FROM streak_summaries WHERE learner = $1", ToSummary, cancellationToken, learner.ToString());

    /// <summary>Summaries of the given learners that have one, in the order the learners were given.</summary>
    public async Task<IReadOnlyList<StreakSummary>> ListStreakSummariesAsync(IReadOnlyCollection<LearnerId> learners, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(learners);
        var order = learners.Distinct().ToList();
        if (order.Count == 0)
            return [];
        var found = (await storage.DataSource.QueryAsync(
                $"SELECT {SummaryColumns} FROM streak_summaries WHERE learner = ANY($1)",
                ToSummary, cancellationToken, (object)order.Select(l => l.ToString()).ToArray()).ConfigureAwait(false))
            .ToDictionary(s => s.Learner);
        return order.Where(found.ContainsKey).Select(l => found[l]).ToList();
    }

    internal static StreakSummary ToSummary(NpgsqlDataReader r) => new(
        LearnerId.Parse(r.GetString(0)),
        r.GetString(1),
        r.GetString(2),
        r.Date(3),
        r.GetInt32(4),
        r.GetInt32(5),
        r.GetInt32(6),
        Ticks.ToDateTimeOffset(r.GetInt64(7), r.GetInt32(8)));
}
