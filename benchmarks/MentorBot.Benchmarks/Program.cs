using System.Runtime.InteropServices;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using MentorBot.Benchmarks;

// dotnet run -c Release --project benchmarks/MentorBot.Benchmarks -- [faq|faq-semantic|checkins|planning|delivery|memory|hosts|reports|all|bdn] [--quick]
//   [--rate R] [--concurrency N] [--host path/to/MentorBot.Host.dll] [--hosts 1,2,3] [--deliveries N] [--latency MS]
var quick = args.Contains("--quick", StringComparer.OrdinalIgnoreCase);
string? Option(string name)
{
    var at = Array.FindIndex(args, a => a.Equals(name, StringComparison.OrdinalIgnoreCase));
    return at >= 0 && at + 1 < args.Length ? args[at + 1] : null;
}
string[] valued = ["--rate", "--concurrency", "--host", "--hosts", "--deliveries", "--latency"];
var positional = args.Where((a, i) => !a.StartsWith("--", StringComparison.Ordinal) && (i == 0 || !valued.Contains(args[i - 1], StringComparer.OrdinalIgnoreCase))).ToArray();
var rate = int.TryParse(Option("--rate"), out var r) && r > 0 ? r : 2_000;
var concurrency = int.TryParse(Option("--concurrency"), out var c) && c > 0 ? c : 16;
var which = positional.FirstOrDefault()?.ToLowerInvariant() ?? "all";

if (which == "bdn")
{
    // In-process so BenchmarkDotNet does not generate and build a second project under the repository's analyzers.
    var job = (quick ? Job.ShortRun : Job.Default).WithToolchain(InProcessEmitToolchain.Instance);
    var config = DefaultConfig.Instance.AddJob(job);
    var rest = args.Skip(Array.IndexOf(args, positional[0]) + 1).Where(a => !a.Equals("--quick", StringComparison.OrdinalIgnoreCase)).ToArray();
    BenchmarkSwitcher.FromTypes([typeof(BdnFaqBenchmarks)]).Run(rest.Length == 0 ? ["--filter", "*"] : rest, config);
    return 0;
}

const string Usage = "usage: MentorBot.Benchmarks [faq|faq-semantic|checkins|planning|delivery|memory|hosts|reports|all|bdn] [--quick] [--rate R] [--concurrency N] [--host MentorBot.Host.dll] " +
    "[--hosts 1,2,3] [--deliveries N] [--latency MS]";
if (which is not ("faq" or "faq-semantic" or "checkins" or "planning" or "delivery" or "memory" or "hosts" or "reports" or "all"))
{
    Console.Error.WriteLine(Usage);
    return 2;
}

var hostCounts = (Option("--hosts") ?? "1,2,3").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
    .Select(h => int.TryParse(h, out var n) && n is > 0 and <= 16 ? n : -1).ToList();
if (hostCounts.Count == 0 || hostCounts.Contains(-1))
{
    Console.Error.WriteLine("--hosts takes host counts from 1 to 16 separated by commas, e.g. --hosts 1,2,3. " + Usage);
    return 2;
}
var multiHost = new MultiHostOptions(
    int.TryParse(Option("--deliveries"), out var d) && d > 0 ? d : quick ? 5_000 : 20_000,
    hostCounts,
    rate,
    TimeSpan.FromMilliseconds(int.TryParse(Option("--latency"), out var l) && l >= 0 ? l : 50),
    concurrency,
    Option("--host"));

#if DEBUG
Console.Error.WriteLine("warning: Debug build; run with -c Release for meaningful figures.");
#endif

var output = Console.Out;
output.WriteLine($"# MentorBot benchmarks{(quick ? " (--quick)" : "")}");
output.WriteLine();
output.WriteLine($"{RuntimeInformation.FrameworkDescription}, {RuntimeInformation.OSDescription} {RuntimeInformation.ProcessArchitecture}, " +
    $"{Environment.ProcessorCount} logical processors, run at {TimeProvider.System.GetUtcNow():yyyy-MM-dd HH:mm} UTC.");
output.WriteLine();

if (which is "faq" or "all")
    FaqLatencyBenchmark.Run(quick, output);
if (which is "faq-semantic" or "all")
    FaqSemanticBenchmark.Run(quick, output);
if (which is "checkins" or "all")
    await CheckinThroughputBenchmark.RunAsync(quick, output).ConfigureAwait(false);
if (which is "planning" or "all")
    DeliveryPlanningBenchmark.Run(quick, output);
if (which is "delivery" or "all")
    await DeliveryThroughputBenchmark.RunAsync(quick, rate, concurrency, output).ConfigureAwait(false);
if (which is "memory" or "all")
    await HostMemoryBenchmark.RunAsync(quick, Option("--host"), output).ConfigureAwait(false);
if (which is "hosts" or "all")
    await MultiHostDeliveryBenchmark.RunAsync(multiHost, output).ConfigureAwait(false);
if (which is "reports" or "all")
    await ReportsBenchmark.RunAsync(quick, output).ConfigureAwait(false);
return 0;
