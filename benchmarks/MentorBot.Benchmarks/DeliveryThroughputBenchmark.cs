using System.Diagnostics;
using System.Globalization;
using MentorBot.Core.Delivery;
using MentorBot.Core.Identity;
using MentorBot.Core.Knowledge;
using MentorBot.Core.Storage;
using MentorBot.Discord;
using MentorBot.Discord.Rest;
using MentorBot.Storage.LiteDb;
using MentorBot.Testing.Delivery;
using MentorBot.Testing.Discord;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using MentorBot.Core.Learners;
using MentorBot.Core.Streaks;

namespace MentorBot.Benchmarks;

/// <summary>
/// Issue 5's delivery target: 10,000 weekly deliveries through the real engine, DiscordMessenger, REST client and rate
/// limiter to the fake Discord enforcing a global limit of R requests per second. The limit implies a lower bound of
/// requests ÷ R (a cold DM-channel cache costs two requests per delivery: open the DM, post the message); the run
/// should come within 15% of it, with no duplicate and no lost message, counted by the fake. The following week is
/// then delivered too: the DM channels are known by then, so it is one request per delivery, the steady state.
/// </summary>
internal static class DeliveryThroughputBenchmark
{
    private static readonly CommunityId Guild = new("discord", "333333333333333333");

    public static async Task RunAsync(bool quick, int rate, int concurrency, TextWriter output)
    {
        var deliveries = quick ? 2_000 : 10_000;
        var knowledge = KnowledgeLoader.Load(RepoPaths.FindKnowledge()).Knowledge
            ?? throw new InvalidOperationException("The shipped knowledge folder does not load.");

        output.WriteLine($"## Delivery through the fake Discord ({deliveries:N0} deliveries, global limit {rate:N0} requests/s, {concurrency} concurrent send(s))");
        output.WriteLine();

        await using var discord = await FakeDiscord.StartAsync().ConfigureAwait(false);
        discord.GlobalRateLimit = rate;
        using var temp = new TempFolder("delivery");

        // Warm-up on its own users and database: JIT, Kestrel and HttpClient connections stay out of the measured run.
        await RunOnceAsync(discord, knowledge, temp.File("warmup.db"), firstUser: 900_000_000, Math.Min(500, deliveries / 4), rate, concurrency, nextWeek: false).ConfigureAwait(false);

        var limitedBefore = discord.RateLimitedRequests;
        var result = await RunOnceAsync(discord, knowledge, temp.File("delivery.db"), firstUser: 100_000_000, deliveries, rate, concurrency, nextWeek: true).ConfigureAwait(false);
        var limited = discord.RateLimitedRequests - limitedBefore;

        // Two weeks delivered: each learner's DM channel must hold exactly two messages.
        var counts = result.Users.Select(discord.CreatedDirectMessages).ToList();
        var duplicates = counts.Sum(c => Math.Max(0, c - 2));
        var lost = counts.Sum(c => Math.Max(0, 2 - c));
        var cold = result.Cold;
        var warm = result.Warm!;
        var ratio = cold.Send.TotalSeconds / cold.Bound(rate).TotalSeconds;
        var warmRatio = warm.Send.TotalSeconds / warm.Bound(rate).TotalSeconds;

        output.WriteLine("| Week | Deliveries | Accepted requests | Send time | Bound (accepted requests ÷ R) | Ratio | Planning (outbox writes) |");
        output.WriteLine("|---|---:|---:|---:|---:|---:|---:|");
        output.WriteLine(Row("first (cold DM cache)", deliveries, cold, rate));
        output.WriteLine(Row("next (warm DM cache)", deliveries, warm, rate));
        output.WriteLine();
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Answered 429: {limited:N0}. Target: the first week within 15% of the bound ({(ratio <= 1.15 ? "met" : "NOT met")}; the next week {warmRatio:N3}), " +
            $"zero duplicates ({duplicates}: {(duplicates == 0 ? "met" : "NOT met")}), zero lost ({lost}: {(lost == 0 ? "met" : "NOT met")}), counted over both weeks. " +
            $"The first week costs two requests per learner (open the DM, post); the next week one, as the channel is stored."));
        output.WriteLine();
        if (duplicates != 0 || lost != 0)
            throw new InvalidOperationException($"Delivery benchmark: {duplicates} duplicates and {lost} lost messages.");
    }

    private static string Row(string week, int deliveries, WeekResult r, int rate) => string.Create(CultureInfo.InvariantCulture,
        $"| {week} | {deliveries:N0} | {r.Requests:N0} | {r.Send.TotalSeconds:N2} s | {r.Bound(rate).TotalSeconds:N2} s | {r.Send.TotalSeconds / r.Bound(rate).TotalSeconds:N3} | {r.Plan.TotalSeconds:N2} s |");

    private static async Task<RunResult> RunOnceAsync(FakeDiscord discord, KnowledgeBase knowledge, string databasePath, long firstUser, int deliveries, int rate, int concurrency, bool nextWeek)
    {
        var time = new ShiftedClock();
        using var context = new LiteDbContext(new LiteDbStorageOptions { DatabasePath = databasePath });
        var subscriptions = new LiteDbSubscriptionStore(context);
        var learners = new LiteDbLearnerStore(context);
        var outbox = new LiteDbDeliveryOutbox(context);
        var users = Enumerable.Range(0, deliveries).Select(i => (firstUser + i).ToString(CultureInfo.InvariantCulture)).ToList();
        await subscriptions.UpsertManyAsync(DueSubscriptions.JustPassed(users, Guild, time.GetUtcNow())).ConfigureAwait(false);

        using var http = new HttpClient();
        var discordOptions = Options.Create(new DiscordOptions
        {
            ApplicationId = FakeDiscord.ApplicationId,
            BotToken = FakeDiscord.BotToken,
            ApiBaseUrl = discord.ApiBaseUrl,
            GlobalRequestsPerSecond = rate,
        });
        var rest = new DiscordRestClient(http, discordOptions, new RateLimiter(time, rate), time, NullLogger<DiscordRestClient>.Instance);
        using var locks = new LearnerLocks();
        using var metrics = new DeliveryMetrics();
        var options = Options.Create(new DeliveryOptions
        {
            InitialRetryDelay = TimeSpan.FromMilliseconds(50),
            MaxRetryDelay = TimeSpan.FromSeconds(1),
            MaxConcurrentSends = concurrency,
        });
        var engine = new DeliveryEngine(
            subscriptions, learners, outbox, new LiteDbUndeliverableNotices(context),
            new DeliveryComposer(new StaticKnowledgeProvider(knowledge), learners, new StreakService(new LiteDbActivityStore(context), locks, time)),
            [new DiscordMessenger(rest, new LiteDbDirectChannelStore(context))], metrics, options, time);

        var cold = await DeliverWeekAsync(discord, engine, outbox, time).ConfigureAwait(false);
        WeekResult? warm = null;
        if (nextWeek)
        {
            // A week later for every part of the bot at once: the slots are due again, and every DM channel is known.
            time.Offset = TimeSpan.FromDays(7);
            warm = await DeliverWeekAsync(discord, engine, outbox, time).ConfigureAwait(false);
        }
        return new RunResult(users, cold, warm);
    }

    private static async Task<WeekResult> DeliverWeekAsync(FakeDiscord discord, DeliveryEngine engine, LiteDbDeliveryOutbox outbox, TimeProvider time)
    {
        var plan = Stopwatch.StartNew();
        await engine.PlanAsync(time.GetUtcNow(), CancellationToken.None).ConfigureAwait(false);
        plan.Stop();

        var requestsBefore = discord.AcceptedGlobalRequests;
        var send = Stopwatch.StartNew();
        // One pass normally sends everything; a pass ends early only when the platform asks to slow down.
        while (true)
        {
            await engine.SendPendingAsync(time.GetUtcNow(), CancellationToken.None).ConfigureAwait(false);
            if ((await outbox.ListPendingAsync(DateTimeOffset.MaxValue.AddDays(-1)).ConfigureAwait(false)).Count == 0)
                break;
            await Task.Delay(10).ConfigureAwait(false);
        }
        send.Stop();
        return new WeekResult(plan.Elapsed, send.Elapsed, discord.AcceptedGlobalRequests - requestsBefore);
    }

    /// <summary>The system clock moved on by <see cref="Offset"/>, so a week can pass between two runs in seconds.</summary>
    private sealed class ShiftedClock : TimeProvider
    {
        public TimeSpan Offset { get; set; }

        public override DateTimeOffset GetUtcNow() => System.GetUtcNow() + Offset;
    }

    private sealed record WeekResult(TimeSpan Plan, TimeSpan Send, long Requests)
    {
        public TimeSpan Bound(int rate) => TimeSpan.FromSeconds((double)Requests / rate);
    }

    private sealed record RunResult(IReadOnlyList<string> Users, WeekResult Cold, WeekResult? Warm);
}
