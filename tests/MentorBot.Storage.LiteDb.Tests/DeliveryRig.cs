using System.Globalization;
using MentorBot.Core.Delivery;
using MentorBot.Core.Identity;
using MentorBot.Core.Knowledge;
using MentorBot.Core.Services;
using MentorBot.Core.Storage;
using MentorBot.Core.Tests.Fakes;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace MentorBot.Storage.LiteDb.Tests;

/// <summary>
/// One "process" of the delivery engine over a real LiteDB file. A crash is simulated by abandoning a rig and
/// building a new one on the same file; the fake platform (and the clock) outlive it, as real ones would.
/// </summary>
internal sealed class DeliveryRig : IDisposable
{
    public static readonly CommunityId Community = new("discord", "guild");

    private readonly LearnerLocks _locks = new();

    public DeliveryRig(string databasePath, FakeTimeProvider time, RecordingMessenger platform)
    {
        Context = new LiteDbContext(new LiteDbStorageOptions { DatabasePath = databasePath });
        Learners = new LiteDbLearnerStore(Context);
        Subscriptions = new LiteDbSubscriptionStore(Context);
        Outbox = new LiteDbDeliveryOutbox(Context);
        Notices = new LiteDbUndeliverableNotices(Context);
        var activity = new LiteDbActivityStore(Context);
        var composer = new DeliveryComposer(new StaticKnowledgeProvider(SampleKnowledge.Base), Learners, new StreakService(activity, _locks, time));
        Metrics = new DeliveryMetrics();
        Engine = new DeliveryEngine(Subscriptions, Learners, Outbox, Notices, composer, [platform], Metrics, Options.Create(new DeliveryOptions()), time);
    }

    public LiteDbContext Context { get; }
    public LiteDbLearnerStore Learners { get; }
    public LiteDbSubscriptionStore Subscriptions { get; }
    public LiteDbDeliveryOutbox Outbox { get; }
    public LiteDbUndeliverableNotices Notices { get; }
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
        Context.Dispose();
    }
}
