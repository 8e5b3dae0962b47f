using System.Globalization;
using System.Text;
using MentorBot.Core.Commands;
using MentorBot.Core.Knowledge;
using MentorBot.Core.Commands.Handlers;
using MentorBot.Core.Storage;
using MentorBot.Core.Streaks;
using MentorBot.Core.Learners;
using MentorBot.Core.Roadmap;

namespace MentorBot.Core.Delivery;

/// <summary>Decides and writes the weekly message: this week's task, a friendly nudge, or the roadmap congratulation.</summary>
public sealed class DeliveryComposer(IKnowledgeProvider knowledge, ILearnerStore learners, StreakService streaks)
{
    public const string DoneHint = "When you're done, run /task done.";

    /// <summary>
    /// What to send to a learner on <paramref name="currentWeek"/>, given their previous delivery; null when there is
    /// nothing left to say (the roadmap is finished and they were already congratulated).
    /// </summary>
    public DeliveryContent? Decide(int currentWeek, DeliveryRecord? previous)
    {
        var roadmap = knowledge.Current.Roadmap;
        var finished = roadmap.Count > 0 && currentWeek > roadmap.Max(w => w.Week);
        if (finished)
            return previous?.Kind == DeliveryKind.Congratulation ? null : new DeliveryContent(DeliveryKind.Congratulation, currentWeek);

        // Only a message that actually arrived makes a repeat a nudge; after a failed one the task is simply new to them.
        var repeat = previous is { Status: DeliveryRecordStatus.Sent, Kind: not DeliveryKind.Congratulation }
            && previous.RoadmapWeek == currentWeek;
        return new DeliveryContent(repeat ? DeliveryKind.Nudge : DeliveryKind.Task, currentWeek);
    }

    /// <summary>The message for a record; null when it cannot be written yet (the roadmap is not loaded), so the send waits.</summary>
    public async Task<Reply?> ComposeAsync(DeliveryRecord record, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(record);
        if (record.Kind == DeliveryKind.Congratulation)
            return Congratulation();

        if (knowledge.Current.FindWeek(record.RoadmapWeek) is not { } week)
            return null;
        var task = Task(week);
        if (record.Kind != DeliveryKind.Nudge)
            return task;

        var profile = await learners.GetAsync(record.Learner, cancellationToken).ConfigureAwait(false);
        var state = profile is null ? null : await streaks.GetStateAsync(profile, cancellationToken).ConfigureAwait(false);
        return task with { Text = Nudge(state) + "\n\n" + task.Text };
    }

    private static Reply Task(RoadmapWeek week)
    {
        var body = new StringBuilder();
        body.Append("**Goal:** ").Append(week.Goal).Append("\n\n");
        foreach (var item in week.Tasks)
            body.Append("- ").Append(item).Append('\n');
        body.Append("\n**Done when:** ").Append(week.DoneWhen);
        return new Reply
        {
            Title = $"Week {week.Week}: {week.Title}",
            Text = body.ToString(),
            Footer = DoneHint,
            FollowUps = [new FollowUp("Mark done", "task", new Dictionary<string, string> { ["action"] = TaskHandler.Done })],
        };
    }

    // Encouragement only: a learner who is behind needs a reason to come back, not a reminder that they are behind.
    internal static string Nudge(StreakState? state)
    {
        var text = new StringBuilder("No rush — this task is still here for you this week. Small steps count.");
        if (state is { Current: > 0 })
            text.Append(CultureInfo.InvariantCulture, $" You're on a {state.Current}-day streak");
        else
            text.Append(" A quick /checkin starts a new streak today");
        if (state is { FreezesHeld: > 0 })
            text.Append(CultureInfo.InvariantCulture, $", with {state.FreezesHeld} streak freeze{(state.FreezesHeld == 1 ? "" : "s")} 🧊 to cover busy days.");
        else
            text.Append('.');
        return text.ToString();
    }

    private static Reply Congratulation() => new()
    {
        Kind = ReplyKind.Success,
        Title = "You finished the roadmap! 🎉",
        Text = "Every weekly task is done — that's a real achievement. There are no more weekly messages; keep your streak going with /checkin and try the community challenges.",
    };
}
