using MentorBot.Core.Storage;
using MentorBot.Core.Streaks;
using MentorBot.Core.Time;

namespace MentorBot.Core.Services;

/// <summary>Check-ins and the streaks derived from them, always on the learner's local calendar.</summary>
public sealed class StreakService(IActivityStore activity, LearnerLocks locks, TimeProvider time)
{
    public async Task<CheckinResult> CheckInAsync(LearnerProfile learner, string? note, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var today = TimeZones.LocalDate(now, TimeZones.FindOrUtc(learner.TimeZoneId));
        // The store already refuses a second check-in per day; the lock keeps the summary rewrite in step with it.
        using var gate = await locks.AcquireAsync(learner.Id, cancellationToken).ConfigureAwait(false);
        var added = await activity.TryAddCheckinAsync(new Checkin(learner.Id, today, now, note), cancellationToken).ConfigureAwait(false);
        var state = await RefreshAsync(learner, today, now, cancellationToken).ConfigureAwait(false);
        return new CheckinResult(added, today, state);
    }

    /// <summary>The learner's streaks as of their local today, replayed from history.</summary>
    public async Task<StreakState> GetStateAsync(LearnerProfile learner, CancellationToken cancellationToken)
    {
        var today = TimeZones.Today(time, learner.TimeZoneId);
        var checkins = await activity.ListCheckinsAsync(learner.Id, cancellationToken).ConfigureAwait(false);
        var completions = await activity.ListTaskCompletionsAsync(learner.Id, cancellationToken).ConfigureAwait(false);
        return StreakCalculator.Calculate(checkins.Select(c => c.LocalDate), completions.Select(c => c.LocalDate), today);
    }

    /// <summary>Rewrites the leaderboard summary after something other than a check-in (a task completion) changed freezes.</summary>
    public async Task<StreakState> RefreshSummaryAsync(LearnerProfile learner, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var today = TimeZones.LocalDate(now, TimeZones.FindOrUtc(learner.TimeZoneId));
        using var gate = await locks.AcquireAsync(learner.Id, cancellationToken).ConfigureAwait(false);
        return await RefreshAsync(learner, today, now, cancellationToken).ConfigureAwait(false);
    }

    private async Task<StreakState> RefreshAsync(LearnerProfile learner, DateOnly today, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var checkins = await activity.ListCheckinsAsync(learner.Id, cancellationToken).ConfigureAwait(false);
        var completions = await activity.ListTaskCompletionsAsync(learner.Id, cancellationToken).ConfigureAwait(false);
        var state = StreakCalculator.Calculate(checkins.Select(c => c.LocalDate), completions.Select(c => c.LocalDate), today);
        if (state.LastActiveDay is { } last)
        {
            // The summary describes the last active day, so leaderboards can age it without replaying history.
            var atLast = StreakCalculator.Calculate(checkins.Select(c => c.LocalDate), completions.Select(c => c.LocalDate), last);
            // Freezes earned by tasks finished after that day are credited so they can cover the gap.
            var earnedSince = StreakCalculator.FreezeDays(completions.Select(c => c.LocalDate)).Count(d => d > last && d <= today);
            var freezes = Math.Min(StreakCalculator.MaxFreezes, atLast.FreezesHeld + earnedSince);
            var summary = new StreakSummary(learner.Id, learner.DisplayName, learner.TimeZoneId, last, atLast.Current, state.Longest, freezes, now);
            await activity.UpsertStreakSummaryAsync(summary, cancellationToken).ConfigureAwait(false);
        }
        return state;
    }
}
