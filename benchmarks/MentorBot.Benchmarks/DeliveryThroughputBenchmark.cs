using System.Diagnostics;
using System.Globalization;
using MentorBot.Core.Delivery;
using MentorBot.Core.Identity;
using MentorBot.Core.Knowledge;
using MentorBot.Core.Services;
using MentorBot.Core.Storage;
using MentorBot.Discord;
using MentorBot.Discord.Rest;
using MentorBot.Storage.LiteDb;
using MentorBot.Testing.Discord;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace MentorBot.Benchmarks;

/// <summary>
/// Issue 5's delivery target: 10,000 weekly deliveries through the real engine, DiscordMessenger, REST client and rate
/// limiter to the fake Discord enforcing a global limit of R requests per second. The limit implies a lower bound of
/// requests ÷ R (a cold DM-channel cache costs two requests per delivery: open the DM, post the message); the run
/// should come within 15% of it, with no duplicate and no lost message, counted by the fake.
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
        await RunOnceAsync(discord, knowledge, temp.File("warmup.db"), firstUser: 900_000_000, Math.Min(500, deliveries / 4), rate, concurrency).ConfigureAwait(false);

        var limitedBefore = discord.RateLimitedRequests;
        var result = await RunOnceAsync(discord, knowledge, temp.File("delivery.db"), firstUser: 100_000_000, deliveries, rate, concurrency).ConfigureAwait(false);
        var limited = discord.RateLimitedRequests - limitedBefore;

        var counts = result.Users.Select(discord.CreatedDirectMessages).ToList();
        var duplicates = counts.Sum(c => Math.Max(0, c - 1));
        var lost = counts.Count(c => c == 0);
        var bound = TimeSpan.FromSeconds((double)result.Requests / rate);
        var ratio = result.Send.TotalSeconds / bound.TotalSeconds;

        output.WriteLine("| Deliveries | Requests (incl. 429s) | Answered 429 | Send time | Bound (accepted requests ÷ R) | Ratio | Duplicates | Lost | Planning (outbox writes) |");
        output.WriteLine("|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"| {deliveries:N0} | {result.Requests + limited:N0} | {limited:N0} | {result.Send.TotalSeconds:N2} s | {bound.TotalSeconds:N2} s | {ratio:N3} | {duplicates} | {lost} | {result.Plan.TotalSeconds:N2} s |"));
        output.WriteLine();
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Target: within 15% of the bound ({(ratio <= 1.15 ? "met" : "NOT met")}), zero duplicates ({(duplicates == 0 ? "met" : "NOT met")}), zero lost ({(lost == 0 ? "met" : "NOT met")}). " +
            $"Deliveries ÷ R alone would be {(double)deliveries / rate:N2} s; the DM channel costs a second request per learner on a cold cache."));
        output.WriteLine();
        if (duplicates != 0 || lost != 0)
            throw new InvalidOperationException($"Delivery benchmark: {duplicates} duplicates and {lost} lost messages.");
    }

    private static async Task<RunResult> RunOnceAsync(FakeDiscord discord, KnowledgeBase knowledge, string databasePath, long firstUser, int deliveries, int rate, int concurrency)
    {
        var time = TimeProvider.System;
        using var context = new LiteDbContext(new LiteDbStorageOptions { DatabasePath = databasePath });
        var subscriptions = new LiteDbSubscriptionStore(context);
        var learners = new LiteDbLearnerStore(context);
        var outbox = new LiteDbDeliveryOutbox(context);
        var users = Enumerable.Range(0, deliveries).Select(i => (firstUser + i).ToString(CultureInfo.InvariantCulture)).ToList();
        var now = time.GetUtcNow();
        var slot = now.AddMinutes(-5);
        await subscriptions.UpsertManyAsync(users.Select(u => new Subscription(
            new LearnerId("discord", u), Guild, slot.DayOfWeek, new TimeOnly(slot.Hour, slot.Minute), "UTC", null, now.AddDays(-1)))).ConfigureAwait(false);

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

        var plan = Stopwatch.StartNew();
        await engine.PlanAsync(time.GetUtcNow(), CancellationToken.None).ConfigureAwait(false);
        plan.Stop();

        var requestsBefore = discord.Requests.Count(r => r.Status != 429);
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
        var requests = discord.Requests.Count(r => r.Status != 429) - requestsBefore;
        return new RunResult(users, plan.Elapsed, send.Elapsed, requests);
    }

    private sealed record RunResult(IReadOnlyList<string> Users, TimeSpan Plan, TimeSpan Send, int Requests);
}
