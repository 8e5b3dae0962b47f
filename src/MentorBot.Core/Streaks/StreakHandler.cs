using MentorBot.Core.Identity;
using MentorBot.Core.Streaks;
using MentorBot.Core.Commands;
using MentorBot.Core.Commands.Handlers;
using MentorBot.Core.Learners;

namespace MentorBot.Core.Streaks;

/// <summary><c>/streak [user]</c>: daily and weekly streaks, freezes and a 12-week picture.</summary>
public sealed class StreakHandler(LearnerService learners, StreakService streaks) : ICommandHandler
{
    public CommandDefinition Definition { get; } = new("streak", "Show your streak, or another learner's")
    {
        Personal = true,
        Options = [new OptionDefinition("user", "Whose streak to show (default: yours)", OptionType.User)],
        Usage = "/streak [user]",
    };

    public async Task<Reply> HandleAsync(CommandRequest request, CancellationToken cancellationToken)
    {
        var userId = NormalizeUserId(request.Option("user"));
        // The leaderboard shows people by display name, so typing your own (the console's "you") means you.
        var self = userId is null || userId == request.Actor.Id.UserId
            || string.Equals(userId, request.Actor.DisplayName.Trim().TrimStart('@'), StringComparison.OrdinalIgnoreCase);
        var profile = self
            ? await learners.GetOrCreateAsync(request.Actor, request.Community, cancellationToken).ConfigureAwait(false)
            : await learners.FindAsync(new LearnerId(request.Actor.Id.Platform, userId!), cancellationToken).ConfigureAwait(false);

        var state = profile is null ? null : await streaks.GetStateAsync(profile, cancellationToken).ConfigureAwait(false);
        if (profile is null || state?.LastActiveDay is null)
        {
            var text = self
                ? "You haven't checked in yet. Run /checkin to start your streak!"
                : "That learner hasn't checked in yet, so there's no streak to show.";
            return new Reply { Text = text, Visibility = ReplyVisibility.OnlyYou };
        }

        return new Reply
        {
            Title = self ? "Your streak" : $"{profile.DisplayName}'s streak",
            Text = $"{StreakGrid.Render(state.Last12Weeks)}\n{StreakGrid.Legend}",
            Fields =
            [
                new ReplyField("Current", Phrases.Days(state.Current), Inline: true),
                new ReplyField("Longest", Phrases.Days(state.Longest), Inline: true),
                new ReplyField("Weekly streak", Phrases.Weeks(state.WeeklyStreak), Inline: true),
                new ReplyField("Freezes", $"{state.FreezesHeld} of {StreakCalculator.MaxFreezes}", Inline: true),
            ],
            Footer = $"Last active {Phrases.Date(state.LastActiveDay.Value)} ({profile.TimeZoneId})",
            Visibility = ReplyVisibility.OnlyYou,
        };
    }

    // Text adapters pass mentions as typed (<@U123>, <@!123>, @name); slash commands pass the bare id.
    internal static string? NormalizeUserId(string? value)
    {
        if (value is null)
            return null;
        var id = value.Trim();
        if (id.StartsWith("<@", StringComparison.Ordinal) && id.EndsWith('>'))
            id = id[2..^1].TrimStart('!');
        var bar = id.IndexOf('|', StringComparison.Ordinal);
        if (bar > 0)
            id = id[..bar];
        id = id.TrimStart('@');
        return id.Length == 0 ? null : id;
    }
}
