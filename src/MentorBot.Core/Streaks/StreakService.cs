using MentorBot.Core.Storage;
using MentorBot.Core.Streaks;
using MentorBot.Core.Time;
using MentorBot.Core.Learners;
using MentorBot.Core.Roadmap;

namespace MentorBot.Core.Streaks;

/// <summary>Check-ins and the streaks derived from them, always on the learner's local calendar.</summary>
public sealed class StreakService(IActivityStore activity, LearnerLocks locks, TimeProvider time)
{
    /// <summary>
    /// Records today's check-in, one per local date of the learner's current time zone. A check-in is also refused when
    /// the latest one, seen from the current zone, happened today: after a zone change it may be recorded under another
    /// date, and a second one would give two check-ins within one real day.
    /// </summary>
    public async Task<CheckinResult> CheckInAsync(LearnerProfile learner, string? note, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var zone = TimeZones.FindOrUtc(learner.TimeZoneId);
        var today = TimeZones.LocalDate(now, zone);
        // The store already refuses a second check-in per day; the lock keeps the summary rewrite in step with it.
        using var gate = await locks.AcquireAsync(learner.Id, cancellationToken).ConfigureAwait(false);
        var latest = (await activity.ListCheckinsAsync(learner.Id, cancellationToken).ConfigureAwait(false)).MaxBy(c => c.At);
        if (latest is not null && latest.LocalDate != today && TimeZones.LocalDate(latest.At, zone) >= today)
            return new CheckinResult(false, today, await GetStateAsync(learner, cancellationToken).ConfigureAwait(false)) { CountedToday = latest.LocalDate };
        var added = await activity.TryAddCheckinAsync(new Checkin(learner.Id, today, now, note), cancellationToken).ConfigureAwait(false);
        var state = await RefreshAsync(learner, today, now, cancellationToken).ConfigureAwait(false);
        return new CheckinResult(added, today, state);
    }

    /// <summary>The learner's streaks as of their local today, replayed from history.</summary>
    public async Task<StreakState> GetStateAsync(LearnerProfile learner, CancellationToken cancellationToken)
    {
        var checkins = await activity.ListCheckinsAsync(learner.Id, cancellationToken).ConfigureAwait(false);
        var completions = await activity.ListTaskCompletionsAsync(learner.Id, cancellationToken).ConfigureAwait(false);
        var today = NotBeforeHistory(TimeZones.Today(time, learner.TimeZoneId), checkins, completions);
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
        today = NotBeforeHistory(today, checkins, completions);
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

    /// <summary>
    /// After moving west across the date line a learner's local today can be earlier than a day they were already
    /// active on. The streak is judged from the later of the two, so that day still counts instead of vanishing.
    /// </summary>
    private static DateOnly NotBeforeHistory(DateOnly today, IReadOnlyList<Checkin> checkins, IReadOnlyList<TaskCompletion> completions)
    {
        foreach (var checkin in checkins)
        {
            if (checkin.LocalDate > today)
                today = checkin.LocalDate;
        }
        foreach (var completion in completions)
        {
            if (completion.LocalDate > today)
                today = completion.LocalDate;
        }
        return today;
    }
}
