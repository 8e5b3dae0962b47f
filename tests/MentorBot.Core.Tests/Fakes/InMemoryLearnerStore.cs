using MentorBot.Core.Identity;
using MentorBot.Core.Storage;
using MentorBot.Core.Learners;

namespace MentorBot.Core.Tests.Fakes;

internal sealed class InMemoryLearnerStore : ILearnerStore
{
    private readonly Dictionary<LearnerId, LearnerProfile> _profiles = [];
    private readonly Lock _gate = new();

    public IReadOnlyList<LearnerProfile> All
    {
        get { lock (_gate) return [.. _profiles.Values]; }
    }

    public Task<LearnerProfile?> GetAsync(LearnerId id, CancellationToken cancellationToken = default)
    {
        lock (_gate) return Task.FromResult(_profiles.GetValueOrDefault(id));
    }

    public Task UpsertAsync(LearnerProfile profile, CancellationToken cancellationToken = default)
    {
        lock (_gate) _profiles[profile.Id] = profile;
        return Task.CompletedTask;
    }

    public Task<bool> TryAdvanceWeekAsync(LearnerId id, int expectedWeek, int newWeek, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            if (!_profiles.TryGetValue(id, out var profile) || profile.CurrentWeek != expectedWeek)
                return Task.FromResult(false);
            _profiles[id] = profile with { CurrentWeek = newWeek };
            return Task.FromResult(true);
        }
    }

    public Task<IReadOnlyList<LearnerProfile>> ListByCommunityAsync(CommunityId community, CancellationToken cancellationToken = default)
    {
        lock (_gate) return Task.FromResult<IReadOnlyList<LearnerProfile>>([.. _profiles.Values.Where(p => p.Communities.Contains(community))]);
    }

    public int Remove(LearnerId id)
    {
        lock (_gate) return _profiles.Remove(id) ? 1 : 0;
    }
}
