using System.Text;
using MentorBot.Core.Knowledge;
using MentorBot.Core.Commands;
using MentorBot.Core.Commands.Handlers;
using MentorBot.Core.Learners;

namespace MentorBot.Core.Roadmap;

/// <summary><c>/roadmap</c>: every week of the roadmap with the caller's progress marked.</summary>
public sealed class RoadmapHandler(IKnowledgeProvider knowledge, LearnerService learners) : ICommandHandler
{
    public CommandDefinition Definition { get; } = new("roadmap", "See the whole backend roadmap and where you are on it")
    {
        Personal = true,
        Usage = "/roadmap",
    };

    public async Task<Reply> HandleAsync(CommandRequest request, CancellationToken cancellationToken)
    {
        var roadmap = knowledge.Current.Roadmap;
        if (roadmap.Count == 0)
            return new Reply { Text = "The roadmap isn't loaded yet. Please try again later.", Visibility = ReplyVisibility.OnlyYou };

        var learner = await learners.GetOrCreateAsync(request.Actor, request.Community, cancellationToken).ConfigureAwait(false);
        var text = new StringBuilder();
        foreach (var week in roadmap.OrderBy(w => w.Week))
        {
            var mark = week.Week < learner.CurrentWeek ? "✅" : week.Week == learner.CurrentWeek ? "👉" : "·";
            if (text.Length > 0)
                text.Append('\n');
            text.Append(mark).Append(" Week ").Append(week.Week).Append(" — ").Append(week.Title);
        }

        var finished = learner.CurrentWeek > roadmap.Max(w => w.Week);
        return new Reply
        {
            Title = "Backend roadmap",
            Text = text.ToString(),
            Footer = finished ? "You finished the roadmap. 🎉" : $"You're on week {learner.CurrentWeek}. Use /task to see this week's task.",
            Visibility = ReplyVisibility.OnlyYou,
            FollowUps = finished ? [] : [new FollowUp("This week's task", "task", new Dictionary<string, string>())],
        };
    }
}
