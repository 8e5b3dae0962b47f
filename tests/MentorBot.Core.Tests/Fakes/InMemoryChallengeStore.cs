using MentorBot.Core.Identity;
using MentorBot.Core.Storage;

namespace MentorBot.Core.Tests.Fakes;

internal sealed class InMemoryChallengeStore : IChallengeStore
{
    private readonly Dictionary<int, Challenge> _challenges = [];
    private readonly List<ChallengeSubmission> _submissions = [];
    private readonly Lock _gate = new();
    private int _nextId = 1;

    public IReadOnlyList<Challenge> All
    {
        get { lock (_gate) return [.. _challenges.Values]; }
    }

    public IReadOnlyList<ChallengeSubmission> Submissions
    {
        get { lock (_gate) return [.. _submissions]; }
    }

    public Task<Challenge> CreateAsync(Challenge challenge, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            var stored = challenge with { Id = _nextId++ };
            _challenges[stored.Id] = stored;
            return Task.FromResult(stored);
        }
    }

    public Task<Challenge?> GetAsync(int id, CancellationToken cancellationToken = default)
    {
        lock (_gate) return Task.FromResult(_challenges.GetValueOrDefault(id));
    }

    public Task<IReadOnlyList<Challenge>> ListAsync(CommunityId community, bool includeClosed, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            return Task.FromResult<IReadOnlyList<Challenge>>(
                [.. _challenges.Values.Where(c => c.Community == community && (includeClosed || c.ClosedAt is null)).OrderByDescending(c => c.Id)]);
        }
    }

    public Task<bool> TryCloseAsync(int id, DateTimeOffset closedAt, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            if (!_challenges.TryGetValue(id, out var challenge) || challenge.ClosedAt is not null)
                return Task.FromResult(false);
            _challenges[id] = challenge with { ClosedAt = closedAt };
            return Task.FromResult(true);
        }
    }

    public Task UpsertSubmissionAsync(ChallengeSubmission submission, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            var index = _submissions.FindIndex(s => s.ChallengeId == submission.ChallengeId && s.Learner == submission.Learner);
            if (index >= 0)
                _submissions[index] = submission;
            else
                _submissions.Add(submission);
        }
        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<ChallengeSubmission>> ListSubmissionsAsync(int challengeId, CancellationToken cancellationToken = default)
    {
        lock (_gate) return Task.FromResult<IReadOnlyList<ChallengeSubmission>>([.. _submissions.Where(s => s.ChallengeId == challengeId)]);
    }
}
