using MentorBot.Core.Identity;
using MentorBot.Core.Storage;
using MentorBot.Core.Subscriptions;

namespace MentorBot.Core.Tests.Fakes;

internal sealed class InMemorySubscriptionStore : ISubscriptionStore
{
    private readonly Dictionary<LearnerId, Subscription> _subscriptions = [];
    private readonly Lock _gate = new();

    public Task<Subscription?> GetAsync(LearnerId learner, CancellationToken cancellationToken = default)
    {
        lock (_gate) return Task.FromResult(_subscriptions.GetValueOrDefault(learner));
    }

    public Task UpsertAsync(Subscription subscription, CancellationToken cancellationToken = default)
    {
        lock (_gate) _subscriptions[subscription.Learner] = subscription;
        return Task.CompletedTask;
    }

    public Task<bool> DeleteAsync(LearnerId learner, CancellationToken cancellationToken = default)
    {
        lock (_gate) return Task.FromResult(_subscriptions.Remove(learner));
    }

    public Task<IReadOnlyList<Subscription>> ListAllAsync(CancellationToken cancellationToken = default)
    {
        lock (_gate) return Task.FromResult<IReadOnlyList<Subscription>>([.. _subscriptions.Values]);
    }

    public int Remove(LearnerId learner)
    {
        lock (_gate) return _subscriptions.Remove(learner) ? 1 : 0;
    }
}
