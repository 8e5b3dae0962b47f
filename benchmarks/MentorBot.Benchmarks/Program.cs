using System.Runtime.InteropServices;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using MentorBot.Benchmarks;

// dotnet run -c Release --project benchmarks/MentorBot.Benchmarks -- [faq|checkins|planning|all|bdn] [--quick]
var quick = args.Contains("--quick", StringComparer.OrdinalIgnoreCase);
var positional = args.Where(a => !a.StartsWith("--", StringComparison.Ordinal)).ToArray();
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

if (which is not ("faq" or "checkins" or "planning" or "all"))
{
    Console.Error.WriteLine("usage: MentorBot.Benchmarks [faq|checkins|planning|all|bdn] [--quick]");
    return 2;
}

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
if (which is "checkins" or "all")
    await CheckinThroughputBenchmark.RunAsync(quick, output).ConfigureAwait(false);
if (which is "planning" or "all")
    DeliveryPlanningBenchmark.Run(quick, output);
return 0;
