using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Globalization;
using MentorBot.Core.Delivery;
using MentorBot.Core.Identity;
using MentorBot.Core.Knowledge;
using MentorBot.Core.Storage;
using MentorBot.Discord.Rest;
using MentorBot.Discord.Tests.Fakes;
using MentorBot.Storage.LiteDb;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Xunit.Abstractions;
using MentorBot.Core.Learners;
using MentorBot.Core.Streaks;
using MentorBot.Core.Subscriptions;

namespace MentorBot.Discord.Tests.Delivery;

/// <summary>
/// The weekly delivery end to end on real time: DeliveryService → DeliveryEngine → DiscordMessenger → REST client and
/// rate limiter → the fake Discord on loopback, with the outbox in a real LiteDB file.
/// </summary>
public sealed class DeliveryStormTests(ITestOutputHelper output) : IAsyncLifetime
{
    private const int Learners = 150;
    private static readonly TimeSpan StormRetryAfter = TimeSpan.FromMilliseconds(80);
    private static readonly CommunityId Guild = new("discord", "333333333333333333");

    private readonly string _directory = Path.Combine(Path.GetTempPath(), "mentorbot-storm-" + Guid.NewGuid().ToString("N"));
    private FakeDiscord _discord = null!;

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(_directory);
        _discord = await FakeDiscord.StartAsync();
    }

    public async Task DisposeAsync()
    {
        await _discord.DisposeAsync();
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
            // Best effort: the temp folder is cleaned up eventually anyway.
        }
    }

    [Fact]
    public async Task A_429_storm_delays_the_weekly_run_but_every_learner_gets_exactly_one_message()
    {
        // Same size, same machine, same fake: once calm, then with 40% of all requests answered 429.
        var calm = await RunAsync("calm", firstUser: 1_000_000);
        Assert.Equal(0, calm.RateLimited);

        _discord.Storm(0.4, StormRetryAfter);
        var storm = await RunAsync("storm", firstUser: 2_000_000);
        _discord.Storm(0, TimeSpan.Zero);
        output.WriteLine($"calm: {calm.Elapsed.TotalSeconds:N1} s; storm: {storm.Elapsed.TotalSeconds:N1} s, {storm.RateLimited} requests answered 429, {storm.Deferred} sends deferred");

        foreach (var run in new[] { calm, storm })
        {
            Assert.All(run.Users, u => Assert.Equal(1, _discord.CreatedDirectMessages(u)));
            Assert.Equal(Learners, run.Records.Count);
            Assert.All(run.Records, r => Assert.Equal(DeliveryRecordStatus.Sent, r.Status));
            Assert.Equal(0, run.Failed);
            Assert.Equal(0, run.Undeliverable);
            Assert.Equal(Learners, run.Delivered);
        }
        Assert.Equal(2 * Learners, _discord.CreatedMessages);
        Assert.True(storm.RateLimited >= Learners / 2, $"only {storm.RateLimited} requests were answered 429");
        // Sends go one after another and each 429 is waited out before the retry, so the storm cannot be quicker than
        // its waits; on a loaded machine that bound, not the calm run's time, is what keeps the comparison stable.
        Assert.True(storm.Elapsed >= storm.RateLimited * StormRetryAfter * 0.9, $"{storm.RateLimited} 429s were waited out in {storm.Elapsed.TotalSeconds:N1} s");
        Assert.True(storm.Elapsed > calm.Elapsed,
            $"the storm ({storm.RateLimited} 429s) took {storm.Elapsed.TotalSeconds:N1} s, no longer than the calm run's {calm.Elapsed.TotalSeconds:N1} s");
    }

    private async Task<RunResult> RunAsync(string label, int firstUser)
    {
        var time = TimeProvider.System;
        using var context = new LiteDbContext(new LiteDbStorageOptions { DatabasePath = Path.Combine(_directory, label + ".db") });
        var subscriptions = new LiteDbSubscriptionStore(context);
        var learners = new LiteDbLearnerStore(context);
        var outbox = new LiteDbDeliveryOutbox(context);
        var users = Enumerable.Range(firstUser, Learners).Select(i => i.ToString(CultureInfo.InvariantCulture)).ToList();
        await subscriptions.UpsertManyAsync(users.Select(u => JustDue(u, time.GetUtcNow())));

        using var http = new HttpClient();
        var discordOptions = Options.Create(new DiscordOptions
        {
            ApplicationId = FakeDiscord.ApplicationId,
            BotToken = FakeDiscord.BotToken,
            ApiBaseUrl = _discord.ApiBaseUrl,
            GlobalRequestsPerSecond = 500,
        });
        var rest = new DiscordRestClient(http, discordOptions, new RateLimiter(time, 500), time, NullLogger<DiscordRestClient>.Instance);
        var knowledge = KnowledgeLoader.Load(Path.Combine(HostHarness.RepositoryRoot(), "knowledge")).Knowledge!;
        using var locks = new LearnerLocks();
        using var metrics = new DeliveryMetrics();
        using var counters = new CounterTotals(metrics.Meter);
        var deliveryOptions = Options.Create(new DeliveryOptions
        {
            PollInterval = TimeSpan.FromMilliseconds(100),
            InitialRetryDelay = TimeSpan.FromMilliseconds(100),
            MaxRetryDelay = TimeSpan.FromSeconds(1),
        });
        var engine = new DeliveryEngine(
            subscriptions, learners, outbox, new LiteDbUndeliverableNotices(context),
            new DeliveryComposer(new StaticKnowledgeProvider(knowledge), learners, new StreakService(new LiteDbActivityStore(context), locks, time)),
            [new DiscordMessenger(rest, new LiteDbDirectChannelStore(context))], metrics, deliveryOptions, time);
        using var service = new DeliveryService(engine, deliveryOptions, time);

        var limitedBefore = _discord.RateLimitedRequests;
        var watch = Stopwatch.StartNew();
        await service.StartAsync(CancellationToken.None);
        await Wait.UntilAsync(() => counters.Get("mentorbot.delivery.delivered") + counters.Get("mentorbot.delivery.undeliverable") >= Learners,
            $"{Learners} deliveries in the {label} run", timeoutMs: 180_000);
        watch.Stop();
        await service.StopAsync(CancellationToken.None);

        var records = await outbox.ListRecentAsync(Guild, Learners * 2);
        return new RunResult(users, records, watch.Elapsed, _discord.RateLimitedRequests - limitedBefore,
            counters.Get("mentorbot.delivery.delivered"), counters.Get("mentorbot.delivery.deferred"),
            counters.Get("mentorbot.delivery.failed"), counters.Get("mentorbot.delivery.undeliverable"));
    }

    /// <summary>A subscription whose slot passed a few minutes ago, so the start-up catch-up sends it.</summary>
    private static Subscription JustDue(string user, DateTimeOffset now)
    {
        var slot = now.AddMinutes(-5);
        return new Subscription(
            new LearnerId("discord", user), Guild, slot.DayOfWeek, new TimeOnly(slot.Hour, slot.Minute), "UTC", null, now.AddDays(-1));
    }

    private sealed record RunResult(
        IReadOnlyList<string> Users, IReadOnlyList<DeliveryRecord> Records, TimeSpan Elapsed, long RateLimited, long Delivered, long Deferred, long Failed, long Undeliverable);

    /// <summary>Sums the counters of one meter instance, so tests running in parallel do not see each other's.</summary>
    private sealed class CounterTotals : IDisposable
    {
        private readonly MeterListener _listener = new();
        private readonly Dictionary<string, long> _totals = [];
        private readonly Lock _gate = new();

        public CounterTotals(Meter meter)
        {
            _listener.InstrumentPublished = (instrument, listener) =>
            {
                if (ReferenceEquals(instrument.Meter, meter))
                    listener.EnableMeasurementEvents(instrument);
            };
            _listener.SetMeasurementEventCallback<long>((instrument, value, _, _) =>
            {
                lock (_gate)
                    _totals[instrument.Name] = _totals.GetValueOrDefault(instrument.Name) + value;
            });
            _listener.Start();
        }

        public long Get(string name)
        {
            lock (_gate)
                return _totals.GetValueOrDefault(name);
        }

        public void Dispose() => _listener.Dispose();
    }
}
