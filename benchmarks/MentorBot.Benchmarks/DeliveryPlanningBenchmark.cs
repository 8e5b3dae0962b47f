using System.Diagnostics;
using MentorBot.Core.Delivery;
using MentorBot.Core.Identity;
using MentorBot.Core.Storage;
using MentorBot.Storage.LiteDb;
using MentorBot.Core.Subscriptions;

namespace MentorBot.Benchmarks;

/// <summary>
/// Issue 5's planning target: find the due deliveries among 100,000 subscriptions in under a second. Measures the
/// pure planner over one poll window and over a whole week, and the subscription read from LiteDB that feeds it.
/// </summary>
public static class DeliveryPlanningBenchmark
{
    private const int StoredSample = 5_000;

    private static readonly string[] Zones =
        ["UTC", "Europe/Berlin", "America/New_York", "Australia/Sydney", "Asia/Kolkata", "America/Los_Angeles", "Asia/Tokyo", "Europe/London", "America/Sao_Paulo", "Africa/Lagos"];

    public static void Run(bool quick, TextWriter output)
    {
        var count = quick ? 10_000 : 100_000;
        var created = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
        var random = new Random(5);
        var subscriptions = Enumerable.Range(0, count)
            .Select(i => new Subscription(
                new LearnerId("discord", i.ToString(System.Globalization.CultureInfo.InvariantCulture)),
                new CommunityId("discord", "guild"),
                (DayOfWeek)random.Next(7),
                new TimeOnly(random.Next(24), random.Next(4) * 15),
                Zones[random.Next(Zones.Length)],
                null,
                created))
            .ToList();

        output.WriteLine($"## Delivery planning ({count:N0} subscriptions)");
        output.WriteLine();
        output.WriteLine("| Window | Slots found | Median | Max |");
        output.WriteLine("|---|---:|---:|---:|");
        var monday = new DateTimeOffset(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);
        Measure(output, "30 s poll", subscriptions, monday, monday.AddSeconds(30), quick);
        Measure(output, "1 day (catch-up)", subscriptions, monday, monday.AddDays(1), quick);
        Measure(output, "7 days (preview)", subscriptions, monday, monday.AddDays(7), quick);
        output.WriteLine();

        var directory = Path.Combine(Path.GetTempPath(), "mentorbot-bench-" + Guid.NewGuid().ToString("N"));
        try
        {
            using var context = new LiteDbContext(new LiteDbStorageOptions { DatabasePath = Path.Combine(directory, "bench.db") });
            var store = new LiteDbSubscriptionStore(context);
            // Each upsert is its own durable LiteDB transaction (a few ms), so only a sample is written here.
            foreach (var subscription in subscriptions.Take(StoredSample))
                store.UpsertAsync(subscription).GetAwaiter().GetResult();
            var watch = Stopwatch.StartNew();
            var loaded = store.ListAllAsync().GetAwaiter().GetResult();
            var due = DeliveryPlanner.Plan(loaded, monday, monday.AddSeconds(30)).Count();
            output.WriteLine($"Read {loaded.Count:N0} subscriptions from LiteDB and planned a 30 s window ({due} due) in {watch.Elapsed.TotalMilliseconds:N0} ms.");
            output.WriteLine();
        }
        finally
        {
            if (Directory.Exists(directory))
                Directory.Delete(directory, recursive: true);
        }
    }

    private static void Measure(TextWriter output, string label, List<Subscription> subscriptions, DateTimeOffset from, DateTimeOffset to, bool quick)
    {
        var runs = quick ? 3 : 7;
        var times = new List<double>();
        var found = 0;
        _ = DeliveryPlanner.Plan(subscriptions, from, to).Count(); // warm-up: JIT and time zone caches
        for (var i = 0; i < runs; i++)
        {
            var watch = Stopwatch.StartNew();
            found = DeliveryPlanner.Plan(subscriptions, from, to).Count();
            times.Add(watch.Elapsed.TotalMilliseconds);
        }
        times.Sort();
        output.WriteLine($"| {label} | {found:N0} | {times[times.Count / 2]:N1} ms | {times[^1]:N1} ms |");
    }
}
