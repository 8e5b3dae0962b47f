using MentorBot.Core.Commands;
using MentorBot.Core.Commands.Handlers;
using MentorBot.Core.Learners;

namespace MentorBot.Core.Streaks;

/// <summary><c>/checkin [note]</c>: records today's activity once per local day.</summary>
public sealed class CheckinHandler(LearnerService learners, StreakService streaks) : ICommandHandler
{
    public const int MaxNoteLength = 300;

    public CommandDefinition Definition { get; } = new("checkin", "Check in for today to keep your streak going")
    {
        Options = [new OptionDefinition("note", "What you worked on (optional)", OptionType.String) { MaxLength = MaxNoteLength, Shape = TextShape.Words }],
        Usage = "/checkin [note]",
    };

    public async Task<Reply> HandleAsync(CommandRequest request, CancellationToken cancellationToken)
    {
        var learner = await learners.GetOrCreateAsync(request.Actor, request.Community, cancellationToken).ConfigureAwait(false);
        var result = await streaks.CheckInAsync(learner, request.Option("note"), cancellationToken).ConfigureAwait(false);
        var streak = $"Streak: {Phrases.Days(result.State.Current)}";
        if (result.CountedToday is { } recorded)
        {
            return new Reply
            {
                Text = $"Already checked in today: your check-in for {Phrases.Date(recorded)} was made today in your time zone ({learner.TimeZoneId}). {streak}.",
                Visibility = ReplyVisibility.OnlyYou,
            };
        }
        if (!result.Added)
        {
            return new Reply
            {
                Text = $"Already checked in today ({Phrases.Date(result.LocalDate)}). {streak}.",
                Visibility = ReplyVisibility.OnlyYou,
            };
        }
        return new Reply
        {
            Kind = ReplyKind.Success,
            Text = $"Checked in for {Phrases.Date(result.LocalDate)}. {streak}.",
            Footer = result.State.FreezesHeld > 0 ? $"Streak freezes held: {result.State.FreezesHeld}" : null,
        };
    }
}
