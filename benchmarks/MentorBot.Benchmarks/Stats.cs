using System.Diagnostics;
using System.Globalization;

namespace MentorBot.Benchmarks;

/// <summary>Summary statistics over per-call timings kept as raw <see cref="Stopwatch"/> ticks.</summary>
internal sealed class Stats
{
    private Stats(double medianUs, double p95Us, double p99Us, double meanUs, double maxUs, int count)
    {
        MedianUs = medianUs;
        P95Us = p95Us;
        P99Us = p99Us;
        MeanUs = meanUs;
        MaxUs = maxUs;
        Count = count;
    }

    public double MedianUs { get; }

    public double P95Us { get; }

    public double P99Us { get; }

    public double MeanUs { get; }

    public double MaxUs { get; }

    public int Count { get; }

    public static double TicksToUs(long ticks) => ticks * 1_000_000.0 / Stopwatch.Frequency;

    public static double TicksToMs(long ticks) => ticks * 1_000.0 / Stopwatch.Frequency;

    public static Stats From(long[] ticks)
    {
        var sorted = (long[])ticks.Clone();
        Array.Sort(sorted);
        var mean = sorted.Length == 0 ? 0 : TicksToUs(sorted.Sum()) / sorted.Length;
        return new Stats(
            TicksToUs(Percentile(sorted, 0.50)),
            TicksToUs(Percentile(sorted, 0.95)),
            TicksToUs(Percentile(sorted, 0.99)),
            mean,
            sorted.Length == 0 ? 0 : TicksToUs(sorted[^1]),
            sorted.Length);
    }

    /// <summary>Nearest-rank percentile of an ascending array.</summary>
    private static long Percentile(long[] sorted, double p)
    {
        if (sorted.Length == 0)
            return 0;
        var rank = (int)Math.Ceiling(p * sorted.Length);
        return sorted[Math.Clamp(rank - 1, 0, sorted.Length - 1)];
    }
}

internal static class Fmt
{
    public static string Us(double value) => value switch
    {
        >= 1000 => (value / 1000).ToString("0.00", CultureInfo.InvariantCulture) + " ms",
        >= 100 => value.ToString("0", CultureInfo.InvariantCulture) + " µs",
        >= 10 => value.ToString("0.0", CultureInfo.InvariantCulture) + " µs",
        _ => value.ToString("0.00", CultureInfo.InvariantCulture) + " µs",
    };

    public static string Ms(double value) => value >= 100
        ? value.ToString("N0", CultureInfo.InvariantCulture) + " ms"
        : value.ToString("0.0", CultureInfo.InvariantCulture) + " ms";

    public static string N(double value) => value.ToString("N0", CultureInfo.InvariantCulture);

    public static string Ratio(double value) => value.ToString(value >= 100 ? "N0" : "0.0##", CultureInfo.InvariantCulture) + "×";
}
