using MentorBot.Core.Identity;
using MentorBot.Core.Storage;

namespace MentorBot.Core.Streaks;

/// <summary>
/// A cache of the streak state as of the learner's last active day, kept so leaderboards need not replay history.
/// It is always recomputable from check-ins and task completions.
/// </summary>
public sealed record StreakSummary(
    LearnerId Learner,
    string DisplayName,
    string TimeZoneId,
    DateOnly LastActiveDay,
    int CurrentAtLastDay,
    int Longest,
    int FreezesAtLastDay,
    DateTimeOffset UpdatedAt);
