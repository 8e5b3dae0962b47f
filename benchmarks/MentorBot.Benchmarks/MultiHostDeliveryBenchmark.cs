using System.Diagnostics;
using System.Globalization;
using MentorBot.Core.Identity;
using MentorBot.Core.Storage;
using MentorBot.Storage.Postgres;
using MentorBot.Testing.Delivery;
using MentorBot.Testing.Discord;
using MentorBot.Testing.Hosting;
using MentorBot.Testing.Postgres;

namespace MentorBot.Benchmarks;

/// <summary>
/// Issue 6's scaling figures: a weekly run of N deliveries (20,000 by default) by 1, 2 and 3 real host processes on one
/// PostgreSQL database, through the fake Discord. The fake answers each REST call after a fixed latency (a real round
/// trip), so one host's pace is its concurrent sends ÷ latency, which more hosts multiply until the bot's global
/// request limit binds. The fake enforces that limit with 429s and records the most requests it accepted in any
/// sliding second: over all hosts, that peak must never exceed the limit. Every learner must get exactly one message.
/// </summary>
internal static class MultiHostDeliveryBenchmark
{
    private static readonly CommunityId Guild = new("discord", "333333333333333333");
    private static readonly TimeSpan Sample = TimeSpan.FromMilliseconds(100);

    public static async Task RunAsync(MultiHostOptions options, TextWriter output)
    {
        var dll = RepoPaths.FindHostDll(options.HostDll);
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"## Delivery by several hosts on one PostgreSQL ({options.Deliveries:N0} deliveries, hosts {string.Join(", ", options.HostCounts)}, " +
            $"global limit {options.Rate:N0} requests/s, {options.Latency.TotalMilliseconds:N0} ms per REST call, {options.Concurrency} concurrent sends per host)"));
        output.WriteLine();

        var server = await PostgresServer.StartDurableAsync().ConfigureAwait(false);
        using var temp = new TempFolder("hosts");
        var results = new List<RunResult>();
        foreach (var hosts in options.HostCounts)
        {
            var result = await RunOnceAsync(server, dll, temp.Path, hosts, options).ConfigureAwait(false);
            results.Add(result);
            Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{hosts} host(s): {result.SteadyDeliveriesPerSecond:N0} deliveries/s, peak {result.PeakPerSecond} requests/s, {result.Duplicates} duplicates, {result.Lost} lost"));
        }

        var baseline = results[0];
        output.WriteLine("| Hosts | First → last message | Deliveries/s (10–90%) | Requests/s (10–90%) | vs first row | Peak requests in any second | Limit | Answered 429 | Host CPU per delivery (10–90%) | Duplicates | Lost |");
        output.WriteLine("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var r in results)
        {
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {r.Hosts} | {r.FirstToLast.TotalSeconds:N1} s | {r.SteadyDeliveriesPerSecond:N0} | {r.SteadyRequestsPerSecond:N0} | " +
                $"{r.SteadyDeliveriesPerSecond / baseline.SteadyDeliveriesPerSecond:N2}× | {r.PeakPerSecond:N0} | {options.Rate:N0} | {r.RateLimited:N0} | " +
                $"{r.HostCpuPerDelivery.TotalMilliseconds:N2} ms | {r.Duplicates} | {r.Lost} |"));
        }

        output.WriteLine();
        var ceiling = 0.95 * options.Rate / 2;
        var durability = await server.DurabilityAsync().ConfigureAwait(false);
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Server: {server.Description}; it reports {durability}. Each host: `Delivery:MaxConcurrentSends={options.Concurrency}`, `Discord:GlobalRequestsPerSecond={options.Rate}` shared through the database. " +
            $"A cold DM cache costs two requests per delivery, so one host can reach about {options.Concurrency} ÷ {options.Latency.TotalSeconds:0.###} s ÷ 2 = " +
            $"{options.Concurrency / options.Latency.TotalSeconds / 2:N0} deliveries/s and the limit allows about {ceiling:N0} (95% of the limit, ÷ 2). " +
            $"Rates are over the middle 80% of the messages, so host start-up and the last stragglers stay out. Load average at the end: {LoadAverage()}."));
        output.WriteLine();

        var overLimit = results.Where(r => r.PeakPerSecond > options.Rate).ToList();
        var wrong = results.Where(r => r.Duplicates != 0 || r.Lost != 0).ToList();
        output.WriteLine($"Combined rate never above the limit: {(overLimit.Count == 0 ? "met" : "NOT met")}. Every learner exactly one message: {(wrong.Count == 0 ? "met" : "NOT met")}.");
        output.WriteLine();
        if (overLimit.Count != 0 || wrong.Count != 0)
            throw new InvalidOperationException("Multi-host delivery: the limit was exceeded or a message was lost or doubled; see the table.");
    }

    private static async Task<RunResult> RunOnceAsync(PostgresServer server, string dll, string workingDirectory, int hostCount, MultiHostOptions options)
    {
        var database = await server.CreateDatabaseAsync().ConfigureAwait(false);
        await using var discord = await FakeDiscord.StartAsync().ConfigureAwait(false);
        discord.GlobalRateLimit = options.Rate;
        discord.ResponseLatency = options.Latency;
        try
        {
            var connection = server.ConnectionStringFor(database);
            var users = await SeedAsync(connection, options.Deliveries, firstUser: 100_000_000_000_000_000L).ConfigureAwait(false);

            var hosts = new List<HostProcess>();
            var timeline = new List<Point>();
            var clock = Stopwatch.StartNew();
            try
            {
                hosts.AddRange(Enumerable.Range(0, hostCount).Select(i => HostProcess.Start("dotnet", dll, workingDirectory, Environment(discord, connection, i, options))));
                var deadline = TimeSpan.FromMinutes(30);
                while (discord.CreatedMessages < options.Deliveries)
                {
                    if (hosts.FirstOrDefault(h => h.HasExited) is { } exited)
                        throw new InvalidOperationException("A host exited during the run:\n" + exited.Output);
                    if (clock.Elapsed > deadline)
                        throw new TimeoutException($"{discord.CreatedMessages:N0} of {options.Deliveries:N0} messages after {deadline.TotalMinutes} minutes.\n{hosts[0].Output}");
                    timeline.Add(Now(clock, discord, hosts));
                    await Task.Delay(Sample).ConfigureAwait(false);
                }

                timeline.Add(Now(clock, discord, hosts));
                // Anything still in flight (a duplicate would be) arrives before the count.
                await FakeDiscordHost.QuietAsync(discord, TimeSpan.FromSeconds(3), hosts[0]).ConfigureAwait(false);
                var counts = users.Select(discord.CreatedDirectMessages).ToList();
                var (messages, requests, cpuPerDelivery) = SteadyRates(timeline, options.Deliveries);
                var first = timeline.First(t => t.Messages > 0).Seconds;
                var last = timeline.First(t => t.Messages >= options.Deliveries).Seconds;
                return new RunResult(
                    hostCount,
                    TimeSpan.FromSeconds(last - first),
                    messages,
                    requests,
                    discord.PeakGlobalRequestsPerSecond,
                    discord.RateLimitedRequests,
                    cpuPerDelivery,
                    counts.Sum(c => Math.Max(0, c - 1)),
                    counts.Count(c => c == 0));
            }
            finally
            {
                foreach (var host in hosts)
                {
                    await host.KillAsync().ConfigureAwait(false);
                    host.Dispose();
                }
            }
        }
        finally
        {
            await server.DropDatabaseAsync(database).ConfigureAwait(false);
        }
    }

    private static Point Now(Stopwatch clock, FakeDiscord discord, List<HostProcess> hosts) =>
        new(clock.Elapsed.TotalSeconds, discord.CreatedMessages, discord.AcceptedGlobalRequests, TimeSpan.FromTicks(hosts.Sum(h => CpuTime(h.Id).Ticks)));

    /// <summary>
    /// Deliveries and requests per second, and the hosts' CPU time per delivery, between the samples where 10% and 90%
    /// of the messages existed: host start-up (JIT, migrations, planning) and the tail stay out.
    /// </summary>
    private static (double Messages, double Requests, TimeSpan CpuPerDelivery) SteadyRates(List<Point> timeline, int total)
    {
        var from = timeline.First(t => t.Messages >= total / 10);
        var to = timeline.First(t => t.Messages >= total * 9 / 10);
        var seconds = Math.Max(to.Seconds - from.Seconds, Sample.TotalSeconds);
        var delivered = Math.Max(1, to.Messages - from.Messages);
        return (delivered / seconds, (to.Requests - from.Requests) / seconds, (to.HostCpu - from.HostCpu) / delivered);
    }

    /// <summary>Subscriptions whose slot passed minutes ago: every host's start-up catch-up finds them due.</summary>
    private static async Task<List<string>> SeedAsync(string connectionString, int count, long firstUser)
    {
        var users = Enumerable.Range(0, count).Select(i => (firstUser + i).ToString(CultureInfo.InvariantCulture)).ToList();
        await using var storage = new PostgresStorage(new PostgresStorageOptions { ConnectionString = connectionString });
        await DueSubscriptions.UpsertAsync(new PostgresSubscriptionStore(storage), DueSubscriptions.JustPassed(users, Guild, TimeProvider.System.GetUtcNow())).ConfigureAwait(false);
        return users;
    }

    private static Dictionary<string, string> Environment(FakeDiscord discord, string connectionString, int host, MultiHostOptions options)
    {
        var settings = FakeDiscordHost.HttpSettingsOnPostgres(discord, connectionString);
        settings["Discord:GlobalRequestsPerSecond"] = options.Rate.ToString(CultureInfo.InvariantCulture);
        settings["Delivery:HostId"] = $"bench-host-{host}";
        settings["Delivery:MaxConcurrentSends"] = options.Concurrency.ToString(CultureInfo.InvariantCulture);
        settings["Delivery:PollInterval"] = "00:00:01";
        settings["Delivery:InitialRetryDelay"] = "00:00:01";
        return FakeDiscordHost.AsEnvironment(settings);
    }

    /// <summary>User plus system CPU time of a process so far, from <c>/proc/PID/stat</c> (zero where there is none).</summary>
    private static TimeSpan CpuTime(int pid)
    {
        var path = $"/proc/{pid}/stat";
        if (!File.Exists(path))
            return TimeSpan.Zero;
        // Fields after the command name, which is in parentheses and may hold spaces: utime and stime are the 12th and 13th.
        var stat = File.ReadAllText(path);
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        var ticks = long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
        return TimeSpan.FromSeconds(ticks / 100.0); // USER_HZ is 100 on Linux.
    }

    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";

    private sealed record Point(double Seconds, long Messages, long Requests, TimeSpan HostCpu);

    private sealed record RunResult(
        int Hosts,
        TimeSpan FirstToLast,
        double SteadyDeliveriesPerSecond,
        double SteadyRequestsPerSecond,
        int PeakPerSecond,
        long RateLimited,
        TimeSpan HostCpuPerDelivery,
        int Duplicates,
        int Lost);
}

/// <summary>The <c>hosts</c> benchmark's settings from the command line.</summary>
internal sealed record MultiHostOptions(int Deliveries, IReadOnlyList<int> HostCounts, int Rate, TimeSpan Latency, int Concurrency, string? HostDll);
