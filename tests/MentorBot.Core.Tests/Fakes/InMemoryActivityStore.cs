using MentorBot.Core.Identity;
using MentorBot.Core.Storage;
using MentorBot.Core.Roadmap;
using MentorBot.Core.Streaks;

namespace MentorBot.Core.Tests.Fakes;

internal sealed class InMemoryActivityStore : IActivityStore
{
    private readonly List<Checkin> _checkins = [];
    private readonly List<TaskCompletion> _completions = [];
    private readonly Dictionary<LearnerId, StreakSummary> _summaries = [];
    private readonly Lock _gate = new();

    public IReadOnlyList<Checkin> Checkins
    {
        get { lock (_gate) return [.. _checkins]; }
    }

    public IReadOnlyList<TaskCompletion> Completions
    {
        get { lock (_gate) return [.. _completions]; }
    }

    public Task<bool> TryAddCheckinAsync(Checkin checkin, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            if (_checkins.Any(c => c.Learner == checkin.Learner && c.LocalDate == checkin.LocalDate))
                return Task.FromResult(false);
            _checkins.Add(checkin);
            return Task.FromResult(true);
        }
    }

    public Task<IReadOnlyList<Checkin>> ListCheckinsAsync(LearnerId learner, CancellationToken cancellationToken = default)
    {
        lock (_gate) return Task.FromResult<IReadOnlyList<Checkin>>([.. _checkins.Where(c => c.Learner == learner).OrderBy(c => c.At)]);
    }

    public Task<bool> TryAddTaskCompletionAsync(TaskCompletion completion, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            if (_completions.Any(c => c.Learner == completion.Learner && c.Week == completion.Week))
                return Task.FromResult(false);
            _completions.Add(completion);
            return Task.FromResult(true);
        }
    }

    public Task<IReadOnlyList<TaskCompletion>> ListTaskCompletionsAsync(LearnerId learner, CancellationToken cancellationToken = default)
    {
        lock (_gate) return Task.FromResult<IReadOnlyList<TaskCompletion>>([.. _completions.Where(c => c.Learner == learner).OrderBy(c => c.At)]);
    }

    public Task UpsertStreakSummaryAsync(StreakSummary summary, CancellationToken cancellationToken = default)
    {
        lock (_gate) _summaries[summary.Learner] = summary;
        return Task.CompletedTask;
    }

    public Task<StreakSummary?> GetStreakSummaryAsync(LearnerId learner, CancellationToken cancellationToken = default)
    {
        lock (_gate) return Task.FromResult(_summaries.GetValueOrDefault(learner));
    }

    public Task<IReadOnlyList<StreakSummary>> ListStreakSummariesAsync(IReadOnlyCollection<LearnerId> learners, CancellationToken cancellationToken = default)
    {
        lock (_gate) return Task.FromResult<IReadOnlyList<StreakSummary>>([.. _summaries.Values.Where(s => learners.Contains(s.Learner))]);
    }

    public (int Checkins, int Completions, int Summaries) Remove(LearnerId learner)
    {
        lock (_gate)
            return (_checkins.RemoveAll(c => c.Learner == learner), _completions.RemoveAll(c => c.Learner == learner), _summaries.Remove(learner) ? 1 : 0);
    }
}
