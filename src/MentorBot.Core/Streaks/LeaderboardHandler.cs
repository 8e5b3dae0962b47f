using System.Text;
using MentorBot.Core.Commands;
using MentorBot.Core.Commands.Handlers;
using MentorBot.Core.Learners;

namespace MentorBot.Core.Streaks;

/// <summary><c>/leaderboard</c>: the community's longest running streaks and the caller's place.</summary>
public sealed class LeaderboardHandler(LearnerService learners, LeaderboardService leaderboard) : ICommandHandler
{
    public const int Top = 10;

    public CommandDefinition Definition { get; } = new("leaderboard", "See the longest current streaks in this community")
    {
        Usage = "/leaderboard",
    };

    public async Task<Reply> HandleAsync(CommandRequest request, CancellationToken cancellationToken)
    {
        await learners.GetOrCreateAsync(request.Actor, request.Community, cancellationToken).ConfigureAwait(false);
        var ranking = await leaderboard.RankAsync(request.Community, cancellationToken).ConfigureAwait(false);
        if (ranking.Count == 0)
        {
            return new Reply
            {
                Title = "Streak leaderboard",
                Text = "Nobody has a running streak yet. Be the first: /checkin",
            };
        }

        var text = new StringBuilder();
        foreach (var entry in ranking.Take(Top))
        {
            if (text.Length > 0)
                text.Append('\n');
            text.Append(entry.Rank).Append(". ").Append(entry.DisplayName).Append(" — ").Append(Phrases.Days(entry.Current));
        }

        var mine = ranking.FirstOrDefault(e => e.Learner == request.Actor.Id);
        return new Reply
        {
            Title = "Streak leaderboard",
            Text = text.ToString(),
            Footer = mine is null
                ? "You don't have a running streak yet. /checkin to start one."
                : $"You're #{mine.Rank} of {ranking.Count} with {Phrases.Days(mine.Current)}.",
        };
    }
}
