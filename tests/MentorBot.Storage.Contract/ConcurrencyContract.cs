using MentorBot.Core.Identity;
using MentorBot.Core.Storage;
using static MentorBot.Storage.Contract.TestData;
using MentorBot.Core.Challenges;
using MentorBot.Core.Learners;
using MentorBot.Core.Roadmap;
using MentorBot.Core.Streaks;

namespace MentorBot.Storage.Contract;

public abstract class ConcurrencyContract : StorageContract
{
    private static readonly DateOnly Day = new(2025, 3, 14);

    [Fact]
    public async Task Fifty_parallel_checkins_of_same_learner_and_date_count_once()
    {
        var store = Stores.Activity;

        var results = await Task.WhenAll(Enumerable.Range(0, 50)
            .Select(i => Task.Run(() => store.TryAddCheckinAsync(new Checkin(Alice, Day, Minutes(i), $"try {i}")))));

        Assert.Equal(1, results.Count(r => r));
        Assert.Single(await store.ListCheckinsAsync(Alice));
    }

    [Fact]
    public async Task Checkins_from_several_workers_for_one_learner_and_local_day_count_once()
    {
        var workers = new[] { Stores, await Database.OpenWorkerAsync(), await Database.OpenWorkerAsync() };
        using var start = new ManualResetEventSlim();

        var attempts = Enumerable.Range(0, 30).Select(i => Task.Run(async () =>
        {
            start.Wait();
            return await workers[i % 3].Activity.TryAddCheckinAsync(new Checkin(Alice, Day, Minutes(i), $"host {i % 3}"));
        })).ToList();
        start.Set();
        var results = await Task.WhenAll(attempts);

        Assert.Equal(1, results.Count(r => r));
        Assert.Single(await workers[2].Activity.ListCheckinsAsync(Alice));
    }

    [Fact]
    public async Task Two_hundred_parallel_checkins_of_different_learners_are_all_stored()
    {
        var store = Stores.Activity;
        var learners = Enumerable.Range(0, 200).Select(i => new LearnerId("discord", $"user{i}")).ToList();

        var results = await Task.WhenAll(learners
            .Select(l => Task.Run(() => store.TryAddCheckinAsync(new Checkin(l, Day, At, null)))));

        Assert.All(results, Assert.True);
        foreach (var learner in learners)
            Assert.Single(await store.ListCheckinsAsync(learner));
    }

    [Fact]
    public async Task Parallel_task_completions_of_same_week_count_once()
    {
        var store = Stores.Activity;

        var results = await Task.WhenAll(Enumerable.Range(0, 50)
            .Select(i => Task.Run(() => store.TryAddTaskCompletionAsync(new TaskCompletion(Alice, 1, Day, Minutes(i))))));

        Assert.Equal(1, results.Count(r => r));
        Assert.Single(await store.ListTaskCompletionsAsync(Alice));
    }

    [Fact]
    public async Task Parallel_advances_from_week_1_succeed_exactly_once()
    {
        var store = Stores.Learners;
        await store.UpsertAsync(new LearnerProfile(Alice, "Alice", "UTC", 1, [Guild], At));

        var results = await Task.WhenAll(Enumerable.Range(0, 50)
            .Select(_ => Task.Run(() => store.TryAdvanceWeekAsync(Alice, 1, 2))));

        Assert.Equal(1, results.Count(r => r));
        Assert.Equal(2, (await store.GetAsync(Alice))!.CurrentWeek);
    }

    [Fact]
    public async Task Parallel_advances_through_separate_workers_chain_correctly()
    {
        // Each worker tries to move week w -> w+1 for w = 1..20; every step succeeds exactly once.
        await Stores.Learners.UpsertAsync(new LearnerProfile(Bob, "Bob", "UTC", 1, [], At));
        var successes = 0;

        await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(async () =>
        {
            var store = (await Database.OpenWorkerAsync()).Learners;
            for (var week = 1; week <= 20; week++)
            {
                if (await store.TryAdvanceWeekAsync(Bob, week, week + 1))
                    Interlocked.Increment(ref successes);
            }
        })));

        Assert.Equal(20, successes);
        Assert.Equal(21, (await Stores.Learners.GetAsync(Bob))!.CurrentWeek);
    }

    [Fact]
    public async Task Parallel_challenge_creation_assigns_distinct_sequential_ids()
    {
        var store = Stores.Challenges;

        var created = await Task.WhenAll(Enumerable.Range(0, 40).Select(i => Task.Run(() =>
            store.CreateAsync(new Challenge(0, Guild, $"c{i}", "", Day, Bob, Minutes(i), null)))));

        Assert.Equal(Enumerable.Range(1, 40), created.Select(c => c.Id).Order());
    }
}
