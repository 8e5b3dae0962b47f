using System.Globalization;

namespace MentorBot.Discord.Gateway;

/// <summary>
/// Parses <c>Discord:ShardIds</c>: shard ids and inclusive ranges separated by commas, such as <c>0-3</c> or
/// <c>0,2,5-7</c>. Each host of a split bot lists the shards it runs.
/// </summary>
public static class ShardIdList
{
    /// <summary>The sorted, distinct ids, or null with <paramref name="problem"/> saying what is wrong.</summary>
    public static IReadOnlyList<int>? Parse(string text, out string? problem)
    {
        problem = null;
        var ids = new SortedSet<int>();
        foreach (var raw in text.Split(',', StringSplitOptions.TrimEntries))
        {
            if (raw.Length == 0)
            {
                problem = "an empty entry";
                return null;
            }
            var dash = raw.IndexOf('-', 1);
            if (dash < 0)
            {
                if (!TryId(raw, out var id))
                {
                    problem = $"'{raw}' is not a shard id";
                    return null;
                }
                ids.Add(id);
                continue;
            }
            if (!TryId(raw[..dash].Trim(), out var first) || !TryId(raw[(dash + 1)..].Trim(), out var last) || last < first)
            {
                problem = $"'{raw}' is not a range like 0-3";
                return null;
            }
            for (var id = first; id <= last; id++)
                ids.Add(id);
        }
        return [.. ids];
    }

    private static bool TryId(string text, out int id) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out id) && id < 1_000_000;
}
