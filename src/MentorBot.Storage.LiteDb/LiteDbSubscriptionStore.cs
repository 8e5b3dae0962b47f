using MentorBot.Core.Identity;
using MentorBot.Core.Storage;
using MentorBot.Storage.LiteDb.Documents;
using MentorBot.Core.Subscriptions;

namespace MentorBot.Storage.LiteDb;

/// <summary>Weekly delivery subscriptions in the <c>subscriptions</c> collection, one per learner (_id = learner).</summary>
public sealed class LiteDbSubscriptionStore(LiteDbContext context) : ISubscriptionStore
{
    public Task<Subscription?> GetAsync(LearnerId learner, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var document = context.Subscriptions.FindById(learner.ToString());
        return Task.FromResult(document is null ? null : ToSubscription(document));
    }

    public Task UpsertAsync(Subscription subscription, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(subscription);
        cancellationToken.ThrowIfCancellationRequested();
        context.Subscriptions.Upsert(ToDocument(subscription));
        return Task.CompletedTask;
    }

    /// <summary>
    /// Many subscriptions in one transaction (an import, or seeding a test or benchmark): one upsert is one durable
    /// commit, a few milliseconds on disk, so 100,000 of them one by one would take minutes. Returns how many were new.
    /// </summary>
    public Task<int> UpsertManyAsync(IEnumerable<Subscription> subscriptions, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(subscriptions);
        cancellationToken.ThrowIfCancellationRequested();
        return Task.FromResult(context.Subscriptions.Upsert(subscriptions.Select(ToDocument)));
    }

    public Task<bool> DeleteAsync(LearnerId learner, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return Task.FromResult(context.Subscriptions.Delete(learner.ToString()));
    }

    /// <summary>All subscriptions, oldest first.</summary>
    public Task<IReadOnlyList<Subscription>> ListAllAsync(CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        IReadOnlyList<Subscription> result = context.Subscriptions.FindAll()
            .OrderBy(d => d.CreatedAtUtcTicks)
            .ThenBy(d => d.Id, StringComparer.Ordinal)
            .Select(ToSubscription)
            .ToList();
        return Task.FromResult(result);
    }

    private static SubscriptionDocument ToDocument(Subscription subscription) => new()
    {
        Id = subscription.Learner.ToString(),
        Community = subscription.Community.ToString(),
        Day = (int)subscription.Day,
        Time = StoredTime.Time(subscription.Time),
        TimeZoneId = subscription.TimeZoneId,
        PausedUntil = subscription.PausedUntil is { } paused ? StoredTime.Date(paused) : null,
        CreatedAtUtcTicks = StoredTime.UtcTicks(subscription.CreatedAt),
        CreatedAtOffsetMinutes = StoredTime.OffsetMinutes(subscription.CreatedAt),
    };

    internal static Subscription ToSubscription(SubscriptionDocument d) => new(
        LearnerId.Parse(d.Id),
        CommunityId.Parse(d.Community),
        (DayOfWeek)d.Day,
        StoredTime.ParseTime(d.Time),
        d.TimeZoneId,
        d.PausedUntil is null ? null : StoredTime.ParseDate(d.PausedUntil),
        StoredTime.ToDateTimeOffset(d.CreatedAtUtcTicks, d.CreatedAtOffsetMinutes));
}
