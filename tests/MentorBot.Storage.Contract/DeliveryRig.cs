using System.Globalization;
using MentorBot.Core.Delivery;
using MentorBot.Core.Identity;
using MentorBot.Core.Knowledge;
using MentorBot.Core.Storage;
using MentorBot.Core.Tests.Fakes;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using MentorBot.Core.Learners;
using MentorBot.Core.Streaks;
using MentorBot.Core.Subscriptions;

namespace MentorBot.Storage.Contract;

/// <summary>
/// One "process" of the delivery engine over a real database. A crash is simulated by abandoning a rig and
/// building a new one on a reopened handle; the fake platform (and the clock) outlive it, as real ones would.
/// </summary>
internal sealed class DeliveryRig : IDisposable
{
    public static readonly CommunityId Community = new("discord", "guild");

    private readonly LearnerLocks _locks = new();

    public DeliveryRig(StorageStores stores, FakeTimeProvider time, RecordingMessenger platform)
    {
        Learners = stores.Learners;
        Subscriptions = stores.Subscriptions;
        Outbox = stores.Outbox;
        var composer = new DeliveryComposer(new StaticKnowledgeProvider(SampleKnowledge.Base), Learners, new StreakService(stores.Activity, _locks, time));
        Metrics = new DeliveryMetrics();
        Engine = new DeliveryEngine(Subscriptions, Learners, Outbox, stores.Notices, composer, [platform], Metrics, Options.Create(new DeliveryOptions
        {
            // A restarted PostgreSQL host waits out the dead one's lease (LiteDB releases its claims at open); the tests
            // restart a minute or more later.
            ClaimLease = TimeSpan.FromSeconds(30),
        }), time);
    }

    public ILearnerStore Learners { get; }
    public ISubscriptionStore Subscriptions { get; }
    public IDeliveryOutbox Outbox { get; }
    public DeliveryMetrics Metrics { get; }
    public DeliveryEngine Engine { get; }

    public async Task<LearnerId> SubscribeAsync(string user, DayOfWeek day, string time, string zone, DateTimeOffset at)
    {
        var id = new LearnerId(Community.Platform, user);
        await Learners.UpsertAsync(new LearnerProfile(id, user, zone, 1, [Community], at));
        await Subscriptions.UpsertAsync(new Subscription(id, Community, day, TimeOnly.Parse(time, CultureInfo.InvariantCulture), zone, null, at));
        return id;
    }

    public void Dispose()
    {
        Metrics.Dispose();
        _locks.Dispose();
    }
}
