using MentorBot.Core.Identity;
using MentorBot.Core.Storage;
using MentorBot.Core.Challenges;

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

    /// <summary>Runs after each <see cref="GetAsync"/> has read its answer: lets a test land a close right behind a read.</summary>
    public Action<int>? AfterGet { get; set; }

    public Task<Challenge?> GetAsync(int id, CancellationToken cancellationToken = default)
    {
        Challenge? found;
        lock (_gate) found = _challenges.GetValueOrDefault(id);
        AfterGet?.Invoke(id);
        return Task.FromResult(found);
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

    public Task<SubmissionOutcome> UpsertSubmissionAsync(ChallengeSubmission submission, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            if (!_challenges.TryGetValue(submission.ChallengeId, out var challenge))
                return Task.FromResult(SubmissionOutcome.ChallengeMissing);
            if (challenge.ClosedAt is not null)
                return Task.FromResult(SubmissionOutcome.ChallengeClosed);
            var index = _submissions.FindIndex(s => s.ChallengeId == submission.ChallengeId && s.Learner == submission.Learner);
            if (index >= 0)
                _submissions[index] = submission;
            else
                _submissions.Add(submission);
            return Task.FromResult(index >= 0 ? SubmissionOutcome.Replaced : SubmissionOutcome.Added);
        }
    }

    public Task<IReadOnlyList<ChallengeSubmission>> ListSubmissionsAsync(int challengeId, CancellationToken cancellationToken = default)
    {
        lock (_gate) return Task.FromResult<IReadOnlyList<ChallengeSubmission>>([.. _submissions.Where(s => s.ChallengeId == challengeId)]);
    }

    /// <summary>Deletes the learner's submissions to open challenges and anonymises those to closed ones.</summary>
    public (int Deleted, int Anonymised) Forget(LearnerId learner)
    {
        lock (_gate)
        {
            int deleted = 0, anonymised = 0;
            for (var i = _submissions.Count - 1; i >= 0; i--)
            {
                var submission = _submissions[i];
                if (submission.Learner != learner)
                    continue;
                if (_challenges.GetValueOrDefault(submission.ChallengeId)?.ClosedAt is null)
                {
                    _submissions.RemoveAt(i);
                    deleted++;
                }
                else
                {
                    _submissions[i] = submission with { Learner = Core.Privacy.FormerLearner.NewId(learner.Platform), DisplayName = Core.Privacy.FormerLearner.DisplayName, Link = "" };
                    anonymised++;
                }
            }
            return (deleted, anonymised);
        }
    }
}
