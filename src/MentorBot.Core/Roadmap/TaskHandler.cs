using System.Text;
using MentorBot.Core.Knowledge;
using MentorBot.Core.Streaks;
using MentorBot.Core.Commands;
using MentorBot.Core.Commands.Handlers;
using MentorBot.Core.Learners;

namespace MentorBot.Core.Roadmap;

/// <summary><c>/task [done]</c>: shows this week's roadmap task, or marks it done and moves on.</summary>
public sealed class TaskHandler(IKnowledgeProvider knowledge, LearnerService learners, RoadmapProgressService progress) : ICommandHandler
{
    public const string Done = "done";

    private const string NotLoadedText = "The roadmap isn't loaded yet. Please try again later.";

    private const string FinishedText = "You finished the roadmap! 🎉 There are no more weekly tasks. Keep your streak going with /checkin.";

    public CommandDefinition Definition { get; } = new("task", "See this week's roadmap task, or mark it done")
    {
        Personal = true,
        Options =
        [
            new OptionDefinition("action", "done to mark this week's task complete", OptionType.String)
            {
                Choices = [new OptionChoice("done", Done)],
            },
        ],
        Usage = "/task [done]",
    };

    public async Task<Reply> HandleAsync(CommandRequest request, CancellationToken cancellationToken)
    {
        var action = request.Option("action");
        if (action is not null && !string.Equals(action, Done, StringComparison.OrdinalIgnoreCase))
            return Reply.Refusal($"I only know `/task` and `/task done`, not '{action}'.");

        if (knowledge.Current.Roadmap.Count == 0)
            return new Reply { Text = NotLoadedText, Visibility = ReplyVisibility.OnlyYou };

        var learner = await learners.GetOrCreateAsync(request.Actor, request.Community, cancellationToken).ConfigureAwait(false);
        if (action is null)
            return Show(progress.PositionOf(learner));

        var result = await progress.CompleteCurrentWeekAsync(learner, cancellationToken).ConfigureAwait(false);
        return result.Status switch
        {
            TaskDoneStatus.RoadmapFinished => new Reply { Text = FinishedText, Visibility = ReplyVisibility.OnlyYou },
            TaskDoneStatus.AlreadyCompleted => Reply.Refusal($"Week {result.CompletedWeek!.Week} is already marked done."),
            _ => Completed(result),
        };
    }

    private Reply Show(RoadmapPosition position)
    {
        if (position.Week is not { } week)
        {
            var text = position.Finished ? FinishedText : NotLoadedText;
            return new Reply { Text = text, Visibility = ReplyVisibility.OnlyYou };
        }

        var body = new StringBuilder();
        body.Append("**Goal:** ").Append(week.Goal).Append("\n\n");
        foreach (var task in week.Tasks)
            body.Append("- ").Append(task).Append('\n');
        body.Append("\n**Done when:** ").Append(week.DoneWhen);

        var kb = knowledge.Current;
        var followUps = new List<FollowUp> { new("Mark done", "task", new Dictionary<string, string> { ["action"] = Done }) };
        followUps.AddRange(week.Related.Select(kb.FindFaq).OfType<FaqEntry>().Take(2).Select(e => FollowUp.Faq(e.Title, e.Id)));
        return new Reply
        {
            Title = $"Week {week.Week}: {week.Title}",
            Text = body.ToString(),
            Footer = "When you're done, run /task done.",
            FollowUps = followUps,
            Visibility = ReplyVisibility.OnlyYou,
        };
    }

    private static Reply Completed(TaskDoneResult result)
    {
        var week = result.CompletedWeek!;
        var text = new StringBuilder($"Nice work finishing **{week.Title}**!");
        text.Append("\n\n").Append(result.FreezeEarned
            ? $"You earned a streak freeze 🧊 (holding {result.FreezesHeld} of {StreakCalculator.MaxFreezes})."
            : result.FreezesHeld >= StreakCalculator.MaxFreezes
                ? $"You already hold the maximum of {StreakCalculator.MaxFreezes} streak freezes."
                : $"You can earn one streak freeze a week, and this week's is already yours (holding {result.FreezesHeld} of {StreakCalculator.MaxFreezes}).");
        text.Append("\n\n").Append(result.NextWeek is { } next
            ? $"Next up: **Week {next.Week}: {next.Title}**. Run /task to see it."
            : "You finished the roadmap! 🎉");
        return new Reply
        {
            Kind = ReplyKind.Success,
            Title = $"Week {week.Week} done ✅",
            Text = text.ToString(),
            FollowUps = result.NextWeek is null ? [] : [new FollowUp("Next week's task", "task", new Dictionary<string, string>())],
        };
    }
}
