using MentorBot.Core.Commands;
using MentorBot.Core.Tests.Fakes;
using MentorBot.Core.Tests.Commands;

namespace MentorBot.Core.Tests.Roadmap;

public sealed class RoadmapAndTaskCommandTests : IDisposable
{
    private readonly BotHarness _bot = new();

    public void Dispose() => _bot.Dispose();

    [Fact]
    public async Task Roadmap_marks_done_current_and_upcoming_weeks()
    {
        await _bot.SendAsync("/task done");

        var reply = await _bot.SendAsync("/roadmap");

        var lines = reply.Text.Split('\n');
        Assert.Equal("✅ Week 1 — HTTP basics", lines[0]);
        Assert.Equal("👉 Week 2 — Your first API", lines[1]);
        Assert.Equal("· Week 3 — Databases", lines[2]);
    }

    [Fact]
    public async Task Task_shows_the_current_week_only_to_the_caller()
    {
        var reply = await _bot.SendAsync("/task");

        Assert.Equal(ReplyVisibility.OnlyYou, reply.Visibility);
        Assert.Equal("Week 1: HTTP basics", reply.Title);
        Assert.Contains("Understand requests and responses", reply.Text, StringComparison.Ordinal);
        Assert.Contains("- Read about HTTP verbs", reply.Text, StringComparison.Ordinal);
        Assert.Contains("You can explain a 404", reply.Text, StringComparison.Ordinal);
        Assert.Contains(reply.FollowUps, f => f.Command == "task" && f.Options["action"] == "done");
        Assert.Contains(reply.FollowUps, f => f.Command == "faq" && f.Options["question"] == "degree");
    }

    [Fact]
    public async Task Task_done_records_completion_advances_and_earns_a_freeze()
    {
        var reply = await _bot.SendAsync("/task done");

        Assert.Equal(ReplyKind.Success, reply.Kind);
        Assert.Contains("streak freeze", reply.Text, StringComparison.Ordinal);
        Assert.Contains("Week 2: Your first API", reply.Text, StringComparison.Ordinal);
        var completion = Assert.Single(_bot.Activity.Completions);
        Assert.Equal(1, completion.Week);
        Assert.Equal(2, _bot.Learners.All.Single().CurrentWeek);
    }

    [Fact]
    public async Task Third_freeze_is_not_earned_beyond_the_cap()
    {
        await _bot.SendAsync("/task done");
        _bot.Time.Advance(TimeSpan.FromDays(7));
        await _bot.SendAsync("/task done");
        _bot.Time.Advance(TimeSpan.FromDays(7));

        var reply = await _bot.SendAsync("/task done");

        Assert.Contains("maximum of 2", reply.Text, StringComparison.Ordinal);
    }

    // Issue 15: finishing weeks 1 and 2 seconds apart earned two freezes. Progress may run ahead; freezes may not.
    [Fact]
    public async Task Back_to_back_task_done_advances_the_roadmap_but_earns_one_freeze_a_week()
    {
        await _bot.SendAsync("/checkin");
        var first = await _bot.SendAsync("/task done");
        var second = await _bot.SendAsync("/task done");

        Assert.Contains("You earned a streak freeze", first.Text, StringComparison.Ordinal);
        Assert.Contains("one streak freeze a week", second.Text, StringComparison.Ordinal);
        Assert.Equal(3, _bot.Learners.All.Single().CurrentWeek);
        var streak = await _bot.SendAsync("/streak");
        Assert.Equal("1 of 2", streak.Fields.Single(f => f.Name == "Freezes").Value);
        var summary = await _bot.Activity.GetStreakSummaryAsync(BotHarness.Alice.Id);
        Assert.True(summary is null || summary.FreezesAtLastDay <= 1);

        _bot.Time.Advance(TimeSpan.FromDays(7));
        var nextWeek = await _bot.SendAsync("/task done");
        Assert.Contains("You earned a streak freeze", nextWeek.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Finishing_the_last_week_says_the_roadmap_is_finished()
    {
        await _bot.SendAsync("/task done");
        await _bot.SendAsync("/task done");

        var last = await _bot.SendAsync("/task done");
        Assert.Contains("You finished the roadmap", last.Text, StringComparison.Ordinal);
        Assert.Equal(4, _bot.Learners.All.Single().CurrentWeek);

        var again = await _bot.SendAsync("/task done");
        Assert.Contains("You finished the roadmap", again.Text, StringComparison.Ordinal);
        Assert.Equal(3, _bot.Activity.Completions.Count);

        var show = await _bot.SendAsync("/task");
        Assert.Contains("You finished the roadmap", show.Text, StringComparison.Ordinal);

        var roadmap = await _bot.SendAsync("/roadmap");
        Assert.DoesNotContain("👉", roadmap.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Parallel_task_done_completes_one_week_per_click()
    {
        await _bot.SendAsync("/task"); // create the profile first
        var replies = await Task.WhenAll(Enumerable.Range(0, 5).Select(_ => _bot.SendAsync("/task done")));

        Assert.Equal(3, _bot.Activity.Completions.Count);
        Assert.Equal([1, 2, 3], _bot.Activity.Completions.Select(c => c.Week).Order());
        Assert.Equal(3, replies.Count(r => r.Kind == ReplyKind.Success));
    }

    [Fact]
    public async Task Unknown_task_action_is_refused_and_changes_nothing()
    {
        var reply = await _bot.RunAsync("task", options: ("action", "undo"));

        Assert.Equal(ReplyKind.Refusal, reply.Kind);
        Assert.Empty(_bot.Activity.Completions);
    }

    [Fact]
    public async Task Empty_roadmap_is_reported_politely()
    {
        _bot.Knowledge.Current = Core.Knowledge.KnowledgeBase.Empty;
        var reply = await _bot.SendAsync("/roadmap");
        Assert.Contains("isn't loaded", reply.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Task_with_no_roadmap_loaded_records_nothing()
    {
        _bot.Knowledge.Current = Core.Knowledge.KnowledgeBase.Empty;

        var show = await _bot.SendAsync("/task");
        var done = await _bot.SendAsync("/task done");

        Assert.Contains("isn't loaded", show.Text, StringComparison.Ordinal);
        Assert.Contains("isn't loaded", done.Text, StringComparison.Ordinal);
        Assert.Empty(_bot.Activity.Completions);
    }
}
