using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using MentorBot.Core.Identity;
using MentorBot.Core.Storage;
using MentorBot.Storage.LiteDb;
using MentorBot.Testing.Hosting;
using MentorBot.Core.Subscriptions;

namespace MentorBot.Benchmarks;

/// <summary>
/// Issue 5's memory figure: resident memory (VmRSS from /proc) of a real host process, idle on an empty database and
/// with 100,000 subscriptions in its LiteDB file, which the delivery engine reads at start and keeps between rereads.
/// The idle host is the baseline of the ratio. Linux only (/proc).
/// </summary>
internal static class HostMemoryBenchmark
{
    private static readonly TimeSpan Sample = TimeSpan.FromMilliseconds(500);

    public static async Task RunAsync(bool quick, string? hostDll, TextWriter output)
    {
        var count = quick ? 20_000 : 100_000;
        output.WriteLine($"## Host resident memory (idle, and with {count:N0} subscriptions)");
        output.WriteLine();
        if (!Directory.Exists("/proc/self"))
        {
            output.WriteLine("Skipped: needs /proc (Linux).");
            output.WriteLine();
            return;
        }

        var dll = RepoPaths.FindHostDll(hostDll);
        using var temp = new TempFolder("memory");
        var loadedDb = temp.File("loaded.db");
        var seed = Stopwatch.StartNew();
        await SeedAsync(loadedDb, count).ConfigureAwait(false);
        seed.Stop();

        var idle = await MeasureAsync(dll, temp.File("idle.db"), temp.Path).ConfigureAwait(false);
        var loaded = await MeasureAsync(dll, loadedDb, temp.Path).ConfigureAwait(false);

        output.WriteLine("| Host | Subscriptions | VmRSS settled | VmHWM (peak) | Settled after | Ratio to idle |");
        output.WriteLine("|---|---:|---:|---:|---:|---:|");
        output.WriteLine(Row("idle (empty database)", 0, idle, idle));
        output.WriteLine(Row("loaded", count, loaded, idle));
        output.WriteLine();
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Host: `{dll}` (its own GC settings). Subscriptions seeded in {seed.Elapsed.TotalSeconds:N1} s, on days whose slot is not in the catch-up " +
            $"window, so the engine reads and keeps all of them but sends nothing. Settled = six samples {Sample.TotalMilliseconds:N0} ms apart within 2%, at least 5 s after /healthz answered."));
        output.WriteLine();
    }

    private static string Row(string label, int count, Measurement m, Measurement idle) => string.Create(CultureInfo.InvariantCulture,
        $"| {label} | {count:N0} | {m.RssKb / 1024.0:N1} MiB | {m.PeakKb / 1024.0:N1} MiB | {m.SettledAfter.TotalSeconds:N1} s | {(double)m.RssKb / idle.RssKb:N2} |");

    private static async Task SeedAsync(string databasePath, int count)
    {
        var now = TimeProvider.System.GetUtcNow();
        // Three days ahead and later: no slot in the last 24 hours, so the start-up catch-up plans none.
        var days = Enumerable.Range(3, 4).Select(d => now.AddDays(d).DayOfWeek).ToArray();
        var random = new Random(100_000);
        using var context = new LiteDbContext(new LiteDbStorageOptions { DatabasePath = databasePath });
        var store = new LiteDbSubscriptionStore(context);
        const int Batch = 10_000;
        for (var from = 0; from < count; from += Batch)
        {
            await store.UpsertManyAsync(Enumerable.Range(from, Math.Min(Batch, count - from)).Select(i => new Subscription(
                new LearnerId("discord", (100_000_000_000_000_000L + i).ToString(CultureInfo.InvariantCulture)),
                new CommunityId("discord", "333333333333333333"),
                days[random.Next(days.Length)],
                new TimeOnly(random.Next(24), random.Next(4) * 15),
                "UTC",
                null,
                now.AddDays(-30)))).ConfigureAwait(false);
        }
    }

    private static async Task<Measurement> MeasureAsync(string dll, string databasePath, string workingDirectory)
    {
        var port = FreePort();
        using var host = HostProcess.Start("dotnet", dll, workingDirectory, new Dictionary<string, string>
        {
            ["Storage__DatabasePath"] = databasePath,
            ["Console__Enabled"] = "false",
            ["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}",
            ["Logging__LogLevel__Default"] = "Warning",
        });
        try
        {
            using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
            var started = Stopwatch.StartNew();
            while (true)
            {
                if (host.HasExited)
                    throw new InvalidOperationException("The host exited before answering /healthz:\n" + host.Output);
                if (started.Elapsed > TimeSpan.FromMinutes(2))
                    throw new TimeoutException("The host did not answer /healthz within 2 minutes.");
                try
                {
                    using var response = await http.GetAsync(new Uri($"http://127.0.0.1:{port}/healthz")).ConfigureAwait(false);
                    if (response.StatusCode == HttpStatusCode.OK)
                        break;
                }
                catch (HttpRequestException)
                {
                    // Not listening yet.
                }
                catch (TaskCanceledException)
                {
                    // Busy starting.
                }
                await Task.Delay(200).ConfigureAwait(false);
            }

            var ready = started.Elapsed;
            var samples = new List<long>();
            while (true)
            {
                await Task.Delay(Sample).ConfigureAwait(false);
                samples.Add(ReadStatusKb(host.Id, "VmRSS"));
                var last = samples.TakeLast(6).ToList();
                var settled = started.Elapsed - ready >= TimeSpan.FromSeconds(5) && last.Count == 6 && last.Max() - last.Min() <= last.Max() / 50;
                if (settled || started.Elapsed - ready > TimeSpan.FromSeconds(90))
                    return new Measurement(last[^1], ReadStatusKb(host.Id, "VmHWM"), started.Elapsed);
            }
        }
        finally
        {
            await host.KillAsync().ConfigureAwait(false);
        }
    }

    private static long ReadStatusKb(int pid, string field)
    {
        foreach (var line in File.ReadLines($"/proc/{pid}/status"))
        {
            if (line.StartsWith(field + ":", StringComparison.Ordinal))
                return long.Parse(line[(field.Length + 1)..].Replace("kB", "", StringComparison.Ordinal).Trim(), CultureInfo.InvariantCulture);
        }
        throw new InvalidOperationException($"/proc/{pid}/status has no {field}.");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private sealed record Measurement(long RssKb, long PeakKb, TimeSpan SettledAfter);
}
