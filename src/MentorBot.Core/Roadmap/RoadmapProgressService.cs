using MentorBot.Core.Knowledge;
using MentorBot.Core.Storage;
using MentorBot.Core.Time;
using MentorBot.Core.Learners;
using MentorBot.Core.Streaks;

namespace MentorBot.Core.Roadmap;

/// <summary>Moves a learner through the roadmap one completed week at a time.</summary>
public sealed class RoadmapProgressService(
    IKnowledgeProvider knowledge,
    ILearnerStore learners,
    IActivityStore activity,
    StreakService streaks,
    LearnerLocks locks,
    TimeProvider time)
{
    public RoadmapPosition PositionOf(LearnerProfile learner)
    {
        var roadmap = knowledge.Current.Roadmap;
        var week = knowledge.Current.FindWeek(learner.CurrentWeek);
        var finished = week is null && roadmap.Count > 0 && learner.CurrentWeek > roadmap.Max(w => w.Week);
        return new RoadmapPosition(learner.CurrentWeek, week, finished);
    }

    public async Task<TaskDoneResult> CompleteCurrentWeekAsync(LearnerProfile learner, CancellationToken cancellationToken)
    {
        var kb = knowledge.Current;
        var before = await streaks.GetStateAsync(learner, cancellationToken).ConfigureAwait(false);

        TaskDoneStatus status;
        RoadmapWeek? completed;
        LearnerProfile current;
        using (await locks.AcquireAsync(learner.Id, cancellationToken).ConfigureAwait(false))
        {
            current = await learners.GetAsync(learner.Id, cancellationToken).ConfigureAwait(false) ?? learner;
            var weekNumber = current.CurrentWeek;
            completed = kb.FindWeek(weekNumber);
            if (completed is null)
                return new TaskDoneResult(TaskDoneStatus.RoadmapFinished, null, null, false, before.FreezesHeld);

            var now = time.GetUtcNow();
            var localDate = TimeZones.LocalDate(now, TimeZones.FindOrUtc(current.TimeZoneId));
            var added = await activity.TryAddTaskCompletionAsync(new TaskCompletion(current.Id, weekNumber, localDate, now), cancellationToken).ConfigureAwait(false);
            // Advancing even when the completion already existed heals a crash between the two writes.
            var advanced = await learners.TryAdvanceWeekAsync(current.Id, weekNumber, weekNumber + 1, cancellationToken).ConfigureAwait(false);
            status = added && advanced ? TaskDoneStatus.Completed : TaskDoneStatus.AlreadyCompleted;
            current = current with { CurrentWeek = advanced ? weekNumber + 1 : current.CurrentWeek };
        }

        var after = await streaks.RefreshSummaryAsync(current, cancellationToken).ConfigureAwait(false);
        var next = kb.FindWeek(completed.Week + 1);
        return new TaskDoneResult(status, completed, next, after.FreezesHeld > before.FreezesHeld, after.FreezesHeld);
    }
}
