using MentorBot.Core.Identity;
using MentorBot.Core.Storage;
using MentorBot.Core.Streaks;
using MentorBot.Core.Time;
using MentorBot.Core.Learners;

namespace MentorBot.Core.Streaks;

/// <summary>Ranks a community by current streak from stored summaries, aged to each learner's own today.</summary>
public sealed class LeaderboardService(ILearnerStore learners, IActivityStore activity, TimeProvider time)
{
    /// <summary>Everyone with a running streak, best first.</summary>
    public async Task<IReadOnlyList<LeaderboardEntry>> RankAsync(CommunityId community, CancellationToken cancellationToken)
    {
        var members = await learners.ListByCommunityAsync(community, cancellationToken).ConfigureAwait(false);
        if (members.Count == 0)
            return [];
        var names = members.GroupBy(m => m.Id).ToDictionary(g => g.Key, g => g.First().DisplayName);
        var summaries = await activity.ListStreakSummariesAsync([.. names.Keys], cancellationToken).ConfigureAwait(false);
        var now = time.GetUtcNow();

        var running = summaries
            .Where(s => names.ContainsKey(s.Learner))
            .Select(s => new
            {
                Summary = s,
                Current = StreakCalculator.CurrentAsOf(s.LastActiveDay, s.CurrentAtLastDay, s.FreezesAtLastDay, TimeZones.LocalDate(now, TimeZones.FindOrUtc(s.TimeZoneId))),
                Name = names[s.Learner],
            })
            .Where(x => x.Current > 0)
            .OrderByDescending(x => x.Current)
            .ThenByDescending(x => x.Summary.Longest)
            .ThenBy(x => x.Name, StringComparer.OrdinalIgnoreCase)
            .ToList();

        var entries = new List<LeaderboardEntry>(running.Count);
        for (var i = 0; i < running.Count; i++)
        {
            var rank = i > 0 && running[i].Current == running[i - 1].Current ? entries[i - 1].Rank : i + 1;
            entries.Add(new LeaderboardEntry(rank, running[i].Summary.Learner, running[i].Name, running[i].Current, running[i].Summary.Longest));
        }
        return entries;
    }
}
