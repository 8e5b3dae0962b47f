using MentorBot.Core.Storage;
using static MentorBot.Storage.Contract.TestData;
using MentorBot.Core.Roadmap;
using MentorBot.Core.Streaks;

namespace MentorBot.Storage.Contract;

public abstract class ActivityStoreContract : StorageContract
{
    private static readonly DateOnly Day = new(2025, 3, 14);

    private IActivityStore Store => Stores.Activity;

    [Fact]
    public async Task Checkin_round_trips_with_offset_and_note()
    {
        var checkin = new Checkin(Alice, Day, At, "  read chapter 3 ");
        Assert.True(await Store.TryAddCheckinAsync(checkin));

        var loaded = Assert.Single(await Store.ListCheckinsAsync(Alice));

        Assert.Equal(checkin, loaded);
        Assert.Equal(At.Offset, loaded.At.Offset);
    }

    [Fact]
    public async Task Checkin_with_null_and_empty_note_round_trips()
    {
        Assert.True(await Store.TryAddCheckinAsync(new Checkin(Alice, Day, At, null)));
        Assert.True(await Store.TryAddCheckinAsync(new Checkin(Alice, Day.AddDays(1), At.AddDays(1), "")));

        var list = await Store.ListCheckinsAsync(Alice);

        Assert.Null(list[0].Note);
        Assert.Equal("", list[1].Note);
    }

    [Fact]
    public async Task Duplicate_checkin_for_same_local_date_returns_false_and_keeps_first()
    {
        Assert.True(await Store.TryAddCheckinAsync(new Checkin(Alice, Day, At, "first")));
        Assert.False(await Store.TryAddCheckinAsync(new Checkin(Alice, Day, At.AddHours(3), "second")));

        var loaded = Assert.Single(await Store.ListCheckinsAsync(Alice));
        Assert.Equal("first", loaded.Note);
        Assert.Equal(At, loaded.At);
    }

    [Fact]
    public async Task Checkins_are_per_learner_and_listed_oldest_first()
    {
        Assert.True(await Store.TryAddCheckinAsync(new Checkin(Alice, Day.AddDays(2), At.AddDays(2), null)));
        Assert.True(await Store.TryAddCheckinAsync(new Checkin(Alice, Day, At, null)));
        Assert.True(await Store.TryAddCheckinAsync(new Checkin(Alice, Day.AddDays(1), At.AddDays(1), null)));
        Assert.True(await Store.TryAddCheckinAsync(new Checkin(Bob, Day, At, null)));

        var alice = await Store.ListCheckinsAsync(Alice);

        Assert.Equal([Day, Day.AddDays(1), Day.AddDays(2)], alice.Select(c => c.LocalDate));
        Assert.Single(await Store.ListCheckinsAsync(Bob));
        Assert.Empty(await Store.ListCheckinsAsync(new("console", "local")));
    }

    [Fact]
    public async Task Task_completion_round_trips_and_duplicate_week_is_false()
    {
        var completion = new TaskCompletion(Alice, 3, Day, At);
        Assert.True(await Store.TryAddTaskCompletionAsync(completion));
        Assert.False(await Store.TryAddTaskCompletionAsync(completion with { LocalDate = Day.AddDays(1), At = At.AddDays(1) }));
        Assert.True(await Store.TryAddTaskCompletionAsync(new TaskCompletion(Bob, 3, Day, At)));

        var loaded = Assert.Single(await Store.ListTaskCompletionsAsync(Alice));
        Assert.Equal(completion, loaded);
        Assert.Equal(At.Offset, loaded.At.Offset);
    }

    [Fact]
    public async Task Task_completions_listed_oldest_first()
    {
        Assert.True(await Store.TryAddTaskCompletionAsync(new TaskCompletion(Alice, 2, Day.AddDays(7), At.AddDays(7))));
        Assert.True(await Store.TryAddTaskCompletionAsync(new TaskCompletion(Alice, 1, Day, At)));
        Assert.True(await Store.TryAddTaskCompletionAsync(new TaskCompletion(Alice, 3, Day.AddDays(14), At.AddDays(14))));

        var list = await Store.ListTaskCompletionsAsync(Alice);

        Assert.Equal([1, 2, 3], list.Select(c => c.Week));
    }

    [Fact]
    public async Task Streak_summary_round_trips_and_upsert_replaces()
    {
        Assert.Null(await Store.GetStreakSummaryAsync(Alice));

        var summary = new StreakSummary(Alice, "Alice", "Asia/Kolkata", Day, 4, 9, 1, At);
        await Store.UpsertStreakSummaryAsync(summary);
        Assert.Equal(summary, await Store.GetStreakSummaryAsync(Alice));

        var updated = summary with { LastActiveDay = Day.AddDays(1), CurrentAtLastDay = 5, FreezesAtLastDay = 0, UpdatedAt = At.AddDays(1) };
        await Store.UpsertStreakSummaryAsync(updated);
        var loaded = await Store.GetStreakSummaryAsync(Alice);

        Assert.Equal(updated, loaded);
        Assert.Equal(At.Offset, loaded!.UpdatedAt.Offset);
    }

    [Fact]
    public async Task ListStreakSummaries_returns_only_requested_existing_learners()
    {
        var carol = new Core.Identity.LearnerId("discord", "carol");
        await Store.UpsertStreakSummaryAsync(new StreakSummary(Alice, "Alice", "UTC", Day, 1, 1, 0, At));
        await Store.UpsertStreakSummaryAsync(new StreakSummary(Bob, "Bob", "UTC", Day, 2, 2, 0, At));
        await Store.UpsertStreakSummaryAsync(new StreakSummary(carol, "Carol", "UTC", Day, 3, 3, 0, At));

        var list = await Store.ListStreakSummariesAsync([Bob, Alice, new("console", "nobody")]);

        Assert.Equal([Bob, Alice], list.Select(s => s.Learner));
        Assert.Empty(await Store.ListStreakSummariesAsync([]));
    }

    [Fact]
    public async Task Activity_survives_reopen()
    {
        Assert.True(await Store.TryAddCheckinAsync(new Checkin(Alice, Day, At, "n")));
        Assert.True(await Store.TryAddTaskCompletionAsync(new TaskCompletion(Alice, 1, Day, At)));

        var reopened = (await Database.ReopenAsync()).Activity;

        Assert.Single(await reopened.ListCheckinsAsync(Alice));
        Assert.Single(await reopened.ListTaskCompletionsAsync(Alice));
        Assert.False(await reopened.TryAddCheckinAsync(new Checkin(Alice, Day, At, "again")));
        Assert.False(await reopened.TryAddTaskCompletionAsync(new TaskCompletion(Alice, 1, Day, At)));
    }
}
