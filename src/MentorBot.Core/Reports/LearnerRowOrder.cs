namespace MentorBot.Core.Reports;

/// <summary>
/// The learners table's order, for a provider that sorts in memory; the SQL provider states the same order in SQL and
/// the contract suite holds both to it. Ties are broken by the learner id (ordinal), ascending whatever the direction,
/// so paging is stable.
/// </summary>
public static class LearnerRowOrder
{
    public static Comparison<LearnerRow> For(LearnerSort sort, bool descending)
    {
        var primary = Primary(sort);
        return (a, b) =>
        {
            var order = primary(a, b);
            if (order != 0)
                return descending ? -order : order;
            return string.CompareOrdinal(a.Learner.ToString(), b.Learner.ToString());
        };
    }

    /// <summary>The column's own ascending order, without the direction or the tie-break.</summary>
    public static Comparison<LearnerRow> Primary(LearnerSort sort) => sort switch
    {
        LearnerSort.DisplayName => (a, b) => CompareNames(a.DisplayName, b.DisplayName),
        LearnerSort.Platform => (a, b) => string.CompareOrdinal(a.Platform, b.Platform),
        LearnerSort.CurrentWeek => (a, b) => a.CurrentWeek.CompareTo(b.CurrentWeek),
        LearnerSort.TasksDone => (a, b) => a.TasksDone.CompareTo(b.TasksDone),
        LearnerSort.CurrentStreak => (a, b) => a.CurrentStreak.CompareTo(b.CurrentStreak),
        LearnerSort.LongestStreak => (a, b) => a.LongestStreak.CompareTo(b.LongestStreak),
        LearnerSort.LastActive => (a, b) => Nullable.Compare(a.LastActive?.UtcTicks, b.LastActive?.UtcTicks),
        LearnerSort.Subscription => (a, b) => Nullable.Compare(SubscriptionKey(a), SubscriptionKey(b)),
        _ => throw new ArgumentOutOfRangeException(nameof(sort), sort, "Not a column of the learners table."),
    };

    /// <summary>Lower-cased (invariant) then ordinal, so "alice" and "Alice" sit together in a fixed order.</summary>
    public static int CompareNames(string a, string b)
    {
        var order = string.CompareOrdinal(a.ToLowerInvariant(), b.ToLowerInvariant());
        return order != 0 ? order : string.CompareOrdinal(a, b);
    }

    /// <summary>Day of week (Sunday = 0) then time of day, as one number; null without a subscription.</summary>
    public static long? SubscriptionKey(LearnerRow row) =>
        row.Subscription is { } s ? (long)s.Day * TimeSpan.TicksPerDay + s.Time.Ticks : null;

    /// <summary>The search rule: the display name contains the needle, ignoring case (invariant lower case, ordinal).</summary>
    public static bool Matches(string displayName, string? needle) =>
        needle is null || displayName.ToLowerInvariant().Contains(needle.ToLowerInvariant(), StringComparison.Ordinal);
}
