using MentorBot.Core.Identity;

namespace MentorBot.Core.Reports;

/// <summary>One page of the learners table and <see cref="Total"/>, the number of rows matching the search on all pages.</summary>
public sealed record LearnerPage(IReadOnlyList<LearnerRow> Rows, int Total, LearnerQuery Query)
{
    public int PageCount => Total == 0 ? 1 : (Total + Query.PageSize - 1) / Query.PageSize;
}

/// <summary>
/// One learner of the community. <see cref="CurrentStreak"/> is the stored streak aged to the learner's local today (as
/// the leaderboard does); <see cref="LastActive"/> is their latest check-in or task completion (UTC), null if none;
/// <see cref="Subscription"/> is null when they have no subscription in this community.
/// </summary>
public sealed record LearnerRow(
    LearnerId Learner,
    string DisplayName,
    int CurrentWeek,
    int TasksDone,
    int CurrentStreak,
    int LongestStreak,
    DateTimeOffset? LastActive,
    SubscriptionCell? Subscription)
{
    public string Platform => Learner.Platform;
}

/// <summary>A weekly subscription as the table shows it: <see cref="Day"/> <see cref="Time"/> in <see cref="TimeZoneId"/>, paused until <see cref="PausedUntil"/>.</summary>
public sealed record SubscriptionCell(DayOfWeek Day, TimeOnly Time, string TimeZoneId, DateOnly? PausedUntil);
