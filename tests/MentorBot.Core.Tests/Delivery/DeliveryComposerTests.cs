using MentorBot.Core.Delivery;
using MentorBot.Core.Identity;
using MentorBot.Core.Streaks;
using MentorBot.Core.Tests.Fakes;

namespace MentorBot.Core.Tests.Delivery;

public sealed class DeliveryComposerTests : IDisposable
{
    private readonly BotHarness _bot = new();

    public void Dispose() => _bot.Dispose();

    private DeliveryComposer Composer => _bot.Get<DeliveryComposer>();

    private static DeliveryRecord Previous(int week, DeliveryKind kind, DeliveryRecordStatus status) => new(
        "console:alice|2026-W47", new LearnerId("console", "alice"), BotHarness.Community, BotHarness.Start.AddDays(-7), "2026-W47", week, kind,
        status, 1, BotHarness.Start.AddDays(-7), BotHarness.Start.AddDays(-7), null, null);

    [Fact]
    public void First_delivery_is_the_current_week()
    {
        Assert.Equal(new DeliveryContent(DeliveryKind.Task, 2), Composer.Decide(2, null));
    }

    [Fact]
    public void Same_week_as_a_delivered_message_is_a_nudge_and_a_new_week_is_a_task()
    {
        Assert.Equal(DeliveryKind.Nudge, Composer.Decide(2, Previous(2, DeliveryKind.Task, DeliveryRecordStatus.Sent))!.Kind);
        Assert.Equal(DeliveryKind.Nudge, Composer.Decide(2, Previous(2, DeliveryKind.Nudge, DeliveryRecordStatus.Sent))!.Kind);
        Assert.Equal(DeliveryKind.Task, Composer.Decide(3, Previous(2, DeliveryKind.Task, DeliveryRecordStatus.Sent))!.Kind);
    }

    [Theory]
    [InlineData(DeliveryRecordStatus.Undeliverable)]
    [InlineData(DeliveryRecordStatus.Skipped)]
    [InlineData(DeliveryRecordStatus.Pending)]
    public void A_repeat_of_a_message_that_never_arrived_is_not_a_nudge(DeliveryRecordStatus status)
    {
        Assert.Equal(DeliveryKind.Task, Composer.Decide(2, Previous(2, DeliveryKind.Task, status))!.Kind);
    }

    [Fact]
    public void Finishing_the_roadmap_is_congratulated_once()
    {
        Assert.Equal(DeliveryKind.Congratulation, Composer.Decide(4, Previous(3, DeliveryKind.Task, DeliveryRecordStatus.Sent))!.Kind);
        Assert.Null(Composer.Decide(4, Previous(4, DeliveryKind.Congratulation, DeliveryRecordStatus.Sent)));
    }

    [Fact]
    public async Task Task_message_has_title_goal_tasks_done_when_and_the_done_hint()
    {
        var reply = await Composer.ComposeAsync(Previous(2, DeliveryKind.Task, DeliveryRecordStatus.Pending), CancellationToken.None);

        Assert.Equal("Week 2: Your first API", reply!.Title);
        Assert.Equal("**Goal:** Build a tiny REST API\n\n- Create a project\n- Add two endpoints\n\n**Done when:** It answers GET /health", reply.Text);
        Assert.Equal("When you're done, run /task done.", reply.Footer);
        Assert.Equal("task", Assert.Single(reply.FollowUps).Command);
    }

    [Fact]
    public void Nudge_mentions_streak_and_freezes_kindly()
    {
        var today = new DateOnly(2026, 11, 23);
        var state = new StreakState(5, 9, 2, 1, today, StreakCalculator.Weeks([], [], today));

        var text = DeliveryComposer.Nudge(state);

        Assert.Equal("No rush — this task is still here for you this week. Small steps count. You're on a 5-day streak, with 2 streak freezes 🧊 to cover busy days.", text);
        Assert.Equal(
            "No rush — this task is still here for you this week. Small steps count. A quick /checkin starts a new streak today.",
            DeliveryComposer.Nudge(StreakState.Empty(today)));
        Assert.Contains("1 streak freeze 🧊", DeliveryComposer.Nudge(state with { Current = 0, FreezesHeld = 1 }), StringComparison.Ordinal);
    }
}
