namespace MentorBot.Core.Reports;

/// <summary>The streak-length histogram's buckets: 0, 1, 2–3, 4–7, 8–14, 15–30, 31+ days, roughly doubling.</summary>
public static class StreakBuckets
{
    private static readonly (int Min, int? Max)[] Bounds = [(0, 0), (1, 1), (2, 3), (4, 7), (8, 14), (15, 30), (31, null)];

    /// <summary>Every bucket, empty ones included, from counts of learners per exact streak length.</summary>
    public static IReadOnlyList<BucketCount> From(IEnumerable<KeyValuePair<int, int>> learnersPerStreak)
    {
        var counts = new int[Bounds.Length];
        foreach (var (streak, learners) in learnersPerStreak)
            counts[IndexOf(streak)] += learners;
        return [.. Bounds.Select((b, i) => new BucketCount(Label(b.Min, b.Max), b.Min, b.Max, counts[i]))];
    }

    private static int IndexOf(int streak)
    {
        for (var i = Bounds.Length - 1; i > 0; i--)
        {
            if (streak >= Bounds[i].Min)
                return i;
        }
        return 0;
    }

    private static string Label(int min, int? max) =>
        max is null ? $"{min}+" : max == min ? $"{min}" : $"{min}–{max}";
}
