using MentorBot.Core.Identity;
using MentorBot.Core.Storage;

namespace MentorBot.Core.Subscriptions;

/// <summary>Weekly delivery subscriptions, one per learner.</summary>
public interface ISubscriptionStore
{
    Task<Subscription?> GetAsync(LearnerId learner, CancellationToken cancellationToken = default);

    Task UpsertAsync(Subscription subscription, CancellationToken cancellationToken = default);

    /// <summary>Removes the subscription; false if there was none.</summary>
    Task<bool> DeleteAsync(LearnerId learner, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<Subscription>> ListAllAsync(CancellationToken cancellationToken = default);
}
