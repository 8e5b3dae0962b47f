using MentorBot.Core.Identity;

namespace MentorBot.Core.Streaks;

/// <summary>A learner's place; tied streaks share a rank (1, 2, 2, 4).</summary>
public sealed record LeaderboardEntry(int Rank, LearnerId Learner, string DisplayName, int Current, int Longest);
