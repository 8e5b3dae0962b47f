using MentorBot.Core.Identity;
using MentorBot.Core.Storage;
using MentorBot.Core.Subscriptions;

namespace MentorBot.Testing.Delivery;

/// <summary>
/// Weekly subscriptions whose slot passed five minutes ago, for tests and benchmarks that start a host and want every
/// learner due at once: the host's start-up catch-up plans them all.
/// </summary>
public static class DueSubscriptions
{
    /// <summary>One subscription per Discord user id in <paramref name="guild"/>, in UTC, made a day before <paramref name="now"/>.</summary>
    public static IReadOnlyList<Subscription> JustPassed(IEnumerable<string> discordUserIds, CommunityId guild, DateTimeOffset now)
    {
        var slot = now.AddMinutes(-5);
        return [.. discordUserIds.Select(u => new Subscription(
            new LearnerId("discord", u), guild, slot.DayOfWeek, new TimeOnly(slot.Hour, slot.Minute), "UTC", null, now.AddDays(-1)))];
    }

    /// <summary>Writes them eight at a time, for a store with no batch upsert (a database server takes them side by side).</summary>
    public static Task UpsertAsync(ISubscriptionStore store, IEnumerable<Subscription> subscriptions) =>
        Parallel.ForEachAsync(subscriptions, new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (s, ct) => await store.UpsertAsync(s, ct).ConfigureAwait(false));
}
