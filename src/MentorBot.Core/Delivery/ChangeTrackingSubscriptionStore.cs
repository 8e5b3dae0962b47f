using MentorBot.Core.Identity;
using MentorBot.Core.Storage;
using MentorBot.Core.Subscriptions;

namespace MentorBot.Core.Delivery;

/// <summary>Wraps the real subscription store and reports each write to <see cref="SubscriptionChanges"/>.</summary>
internal sealed class ChangeTrackingSubscriptionStore(ISubscriptionStore inner, SubscriptionChanges changes) : ISubscriptionStore
{
    public Task<Subscription?> GetAsync(LearnerId learner, CancellationToken cancellationToken = default) =>
        inner.GetAsync(learner, cancellationToken);

    public async Task UpsertAsync(Subscription subscription, CancellationToken cancellationToken = default)
    {
        await inner.UpsertAsync(subscription, cancellationToken).ConfigureAwait(false);
        changes.Bump();
    }

    public async Task<bool> DeleteAsync(LearnerId learner, CancellationToken cancellationToken = default)
    {
        var deleted = await inner.DeleteAsync(learner, cancellationToken).ConfigureAwait(false);
        changes.Bump();
        return deleted;
    }

    public Task<IReadOnlyList<Subscription>> ListAllAsync(CancellationToken cancellationToken = default) =>
        inner.ListAllAsync(cancellationToken);
}
