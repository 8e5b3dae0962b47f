using MentorBot.Core.Identity;
using MentorBot.Core.Storage;
using MentorBot.Core.Roadmap;

namespace MentorBot.Core.Streaks;

/// <summary>Check-ins, task completions and the streak summaries derived from them.</summary>
public interface IActivityStore
{
    /// <summary>Records the check-in; false (and nothing written) if the learner already has one for that local date.</summary>
    Task<bool> TryAddCheckinAsync(Checkin checkin, CancellationToken cancellationToken = default);

    /// <summary>All check-ins of the learner, oldest first.</summary>
    Task<IReadOnlyList<Checkin>> ListCheckinsAsync(LearnerId learner, CancellationToken cancellationToken = default);

    /// <summary>Records the completion; false (and nothing written) if that roadmap week was already completed by the learner.</summary>
    Task<bool> TryAddTaskCompletionAsync(TaskCompletion completion, CancellationToken cancellationToken = default);

    /// <summary>All task completions of the learner, oldest first.</summary>
    Task<IReadOnlyList<TaskCompletion>> ListTaskCompletionsAsync(LearnerId learner, CancellationToken cancellationToken = default);

    Task UpsertStreakSummaryAsync(StreakSummary summary, CancellationToken cancellationToken = default);

    Task<StreakSummary?> GetStreakSummaryAsync(LearnerId learner, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<StreakSummary>> ListStreakSummariesAsync(IReadOnlyCollection<LearnerId> learners, CancellationToken cancellationToken = default);
}
