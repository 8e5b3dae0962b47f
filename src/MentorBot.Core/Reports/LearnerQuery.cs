namespace MentorBot.Core.Reports;

/// <summary>
/// What the learners table shows: rows whose display name contains <see cref="Search"/> (case-insensitive; null or
/// blank: everyone), ordered by <see cref="SortBy"/> then by learner id, page <see cref="Page"/> (1-based) of
/// <see cref="PageSize"/> rows.
/// </summary>
public sealed record LearnerQuery(
    string? Search = null,
    LearnerSort SortBy = LearnerSort.DisplayName,
    bool Descending = false,
    int Page = 1,
    int PageSize = 50)
{
    public const int MaxPageSize = 200;

    public const int MaxSearchLength = 100;

    /// <summary>Why the query cannot be run, or null when it can.</summary>
    public string? Problem() =>
        PageSize is < 1 or > MaxPageSize ? $"The page size must be between 1 and {MaxPageSize}; it was {PageSize}." :
        Page < 1 ? $"The page number starts at 1; it was {Page}." :
        (long)(Page - 1) * PageSize > int.MaxValue ? $"Page {Page} is out of range." :
        Search is { Length: > MaxSearchLength } ? $"The search text may have at most {MaxSearchLength} characters." :
        !Enum.IsDefined(SortBy) ? $"'{SortBy}' is not a column of the learners table." :
        null;

    /// <summary>The search text to match, trimmed, or null to match everyone.</summary>
    public string? Needle => string.IsNullOrWhiteSpace(Search) ? null : Search.Trim();

    public int Offset => (Page - 1) * PageSize;

    /// <summary>Throws <see cref="ArgumentException"/> with <see cref="Problem"/> when there is one.</summary>
    public void Validate()
    {
        if (Problem() is { } problem)
            throw new ArgumentException(problem, "query");
    }
}

/// <summary>
/// A column of the learners table. Missing values (no activity, no subscription) sort before every present one.
/// <see cref="DisplayName"/> compares case-insensitively; <see cref="Subscription"/> by day of week (Sunday first), then time.
/// </summary>
public enum LearnerSort
{
    DisplayName,
    Platform,
    CurrentWeek,
    TasksDone,
    CurrentStreak,
    LongestStreak,
    LastActive,
    Subscription,
}
