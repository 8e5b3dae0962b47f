using MentorBot.Core.Challenges;
using MentorBot.Core.Delivery;
using MentorBot.Core.Identity;
using MentorBot.Core.Learners;
using MentorBot.Core.Privacy;
using MentorBot.Core.Roadmap;
using MentorBot.Core.Streaks;
using MentorBot.Core.Subscriptions;
using static MentorBot.Storage.Contract.TestData;

namespace MentorBot.Storage.Contract;

/// <summary>/mydata and /forget at the storage level: one learner's rows read and erased across every store.</summary>
public abstract class LearnerDataStoreContract : StorageContract
{
    private static readonly LearnerId Carol = new("discord", "4242424242");

    /// <summary>Alice and Carol, each with a row in every store; Alice on an open and a closed challenge, Carol on both too.</summary>
    private async Task<(Challenge Open, Challenge Closed)> SeedAsync()
    {
        var s = Stores;
        foreach (var (learner, name) in new[] { (Alice, "Alice"), (Carol, "Carol") })
        {
            await s.Learners.UpsertAsync(new LearnerProfile(learner, name, "Europe/Berlin", 3, [Guild], Minutes(0)));
            Assert.True(await s.Activity.TryAddCheckinAsync(new Checkin(learner, new DateOnly(2025, 3, 14), Minutes(1), "first")));
            Assert.True(await s.Activity.TryAddCheckinAsync(new Checkin(learner, new DateOnly(2025, 3, 15), Minutes(2), null)));
            Assert.True(await s.Activity.TryAddTaskCompletionAsync(new TaskCompletion(learner, 1, new DateOnly(2025, 3, 15), Minutes(3))));
            await s.Activity.UpsertStreakSummaryAsync(new StreakSummary(learner, name, "Europe/Berlin", new DateOnly(2025, 3, 15), 2, 2, 0, Minutes(3)));
            await s.Subscriptions.UpsertAsync(new Subscription(learner, Guild, DayOfWeek.Monday, new TimeOnly(9, 0), "Europe/Berlin", null, Minutes(4)));
            Assert.True(await s.Outbox.TryEnqueueAsync(new DeliveryRecord(DeliveryKeys.For(learner, "2025-W12"), learner, Guild, Minutes(60), "2025-W12", 3,
                DeliveryKind.Task, DeliveryRecordStatus.Pending, 0, Minutes(5), Minutes(60), null, null)));
            await s.Notices.SetAsync(new UndeliverableNotice(learner, "DMs closed", Minutes(6).ToUniversalTime()));
            await s.DirectChannels.SetAsync(learner, "dm-" + name);
        }

        var open = await s.Challenges.CreateAsync(new Challenge(0, Guild, "Open one", "Build it", new DateOnly(2025, 4, 1), Bob, Minutes(0), null));
        var closed = await s.Challenges.CreateAsync(new Challenge(0, Guild, "Closed one", "Build it", new DateOnly(2025, 4, 1), Bob, Minutes(0), null));
        foreach (var (learner, name, minute) in new[] { (Alice, "Alice", 7), (Carol, "Carol", 8) })
        {
            Assert.Equal(SubmissionOutcome.Added, await s.Challenges.UpsertSubmissionAsync(new ChallengeSubmission(open.Id, learner, name, "https://example.com/" + name, Minutes(minute))));
            Assert.Equal(SubmissionOutcome.Added, await s.Challenges.UpsertSubmissionAsync(new ChallengeSubmission(closed.Id, learner, name, "https://example.com/" + name, Minutes(minute))));
        }
        Assert.True(await s.Challenges.TryCloseAsync(closed.Id, Minutes(20)));
        return (open, (await s.Challenges.GetAsync(closed.Id))!);
    }

    [Fact]
    public async Task Export_holds_every_row_about_the_learner_and_nothing_about_others()
    {
        var (open, closed) = await SeedAsync();

        var data = await Stores.LearnerData.ExportAsync(Alice);

        Assert.Equal("Alice", data.Profile!.DisplayName);
        Assert.Equal([new DateOnly(2025, 3, 14), new DateOnly(2025, 3, 15)], data.Checkins.Select(c => c.LocalDate));
        Assert.Equal("first", data.Checkins[0].Note);
        Assert.Equal(Minutes(1), data.Checkins[0].At);
        Assert.Equal(1, Assert.Single(data.TaskCompletions).Week);
        Assert.Equal(2, data.Streak!.CurrentAtLastDay);
        Assert.Equal(DayOfWeek.Monday, data.Subscription!.Day);
        Assert.Equal([open.Id, closed.Id], data.Submissions.Select(s => s.Challenge.Id).Order());
        Assert.All(data.Submissions, s => Assert.Equal("https://example.com/Alice", s.Submission.Link));
        Assert.NotNull(data.Submissions.Single(s => s.Challenge.Id == closed.Id).Challenge.ClosedAt);
        Assert.Equal(DeliveryKeys.For(Alice, "2025-W12"), Assert.Single(data.Deliveries).Key);
        Assert.Equal("DMs closed", data.UndeliverableNotice!.Reason);
        Assert.Equal("dm-Alice", data.DirectChannelId);
        Assert.False(data.IsEmpty);

        Assert.True((await Stores.LearnerData.ExportAsync(new LearnerId("discord", "nobody"))).IsEmpty);
    }

    [Fact]
    public async Task Forget_deletes_everything_anonymises_closed_submissions_and_leaves_others_alone()
    {
        var (open, closed) = await SeedAsync();
        var closedBefore = await Stores.Challenges.ListSubmissionsAsync(closed.Id);

        var erasure = await Stores.LearnerData.ForgetAsync(Alice);

        Assert.Equal(new LearnerErasure(Learner: 1, Checkins: 2, TaskCompletions: 1, StreakSummaries: 1, Subscriptions: 1, OpenSubmissions: 1,
            Deliveries: 1, UndeliverableNotices: 1, DirectChannels: 1, ClosedSubmissionsAnonymised: 1), erasure);

        // Through the ordinary stores, after a restart: nothing of Alice is left.
        var s = await Database.ReopenAsync();
        Assert.Null(await s.Learners.GetAsync(Alice));
        Assert.Empty(await s.Activity.ListCheckinsAsync(Alice));
        Assert.Empty(await s.Activity.ListTaskCompletionsAsync(Alice));
        Assert.Null(await s.Activity.GetStreakSummaryAsync(Alice));
        Assert.Null(await s.Subscriptions.GetAsync(Alice));
        Assert.Null(await s.Outbox.FindLatestAsync(Alice));
        Assert.Null(await s.Notices.TryConsumeAsync(Alice));
        Assert.Null(await s.DirectChannels.GetAsync(Alice));
        Assert.True((await s.LearnerData.ExportAsync(Alice)).IsEmpty);

        // The open challenge lost her entry; the closed one kept its count, order and times, without her name or link.
        Assert.Equal([Carol], (await s.Challenges.ListSubmissionsAsync(open.Id)).Select(x => x.Learner));
        var closedAfter = await s.Challenges.ListSubmissionsAsync(closed.Id);
        Assert.Equal(closedBefore.Count, closedAfter.Count);
        Assert.Equal(closedBefore.Select(x => x.SubmittedAt), closedAfter.Select(x => x.SubmittedAt));
        var former = closedAfter.Single(x => x.Learner != Carol);
        Assert.True(FormerLearner.Is(former.Learner));
        Assert.Equal(Alice.Platform, former.Learner.Platform);
        Assert.Equal(FormerLearner.DisplayName, former.DisplayName);
        Assert.Equal("", former.Link);
        Assert.DoesNotContain(closedAfter, x => x.Learner == Alice || x.DisplayName == "Alice" || x.Link.Contains("Alice", StringComparison.Ordinal));

        // Carol is untouched.
        var carol = await s.LearnerData.ExportAsync(Carol);
        Assert.NotNull(carol.Profile);
        Assert.Equal(2, carol.Checkins.Count);
        Assert.Equal(2, carol.Submissions.Count);
        Assert.Equal("dm-Carol", carol.DirectChannelId);
        Assert.NotNull(carol.UndeliverableNotice);
        Assert.NotNull(carol.Subscription);
    }

    [Fact]
    public async Task Two_forgotten_learners_on_one_closed_challenge_both_stay_counted_and_forgetting_again_changes_nothing()
    {
        var (_, closed) = await SeedAsync();

        await Stores.LearnerData.ForgetAsync(Alice);
        await Stores.LearnerData.ForgetAsync(Carol);
        var again = await Stores.LearnerData.ForgetAsync(Alice);

        Assert.Equal(LearnerErasure.None, again);
        var after = await Stores.Challenges.ListSubmissionsAsync(closed.Id);
        Assert.Equal(2, after.Count);
        Assert.All(after, x => Assert.True(FormerLearner.Is(x.Learner)));
        Assert.NotEqual(after[0].Learner, after[1].Learner);
    }

    [Fact]
    public async Task A_forgotten_learner_who_returns_starts_fresh()
    {
        var (open, _) = await SeedAsync();
        await Stores.LearnerData.ForgetAsync(Alice);

        // The same check-in day and roadmap week can be recorded again, and the open challenge takes a new entry.
        Assert.True(await Stores.Activity.TryAddCheckinAsync(new Checkin(Alice, new DateOnly(2025, 3, 14), Minutes(30), null)));
        Assert.True(await Stores.Activity.TryAddTaskCompletionAsync(new TaskCompletion(Alice, 1, new DateOnly(2025, 3, 14), Minutes(30))));
        Assert.True(await Stores.Outbox.TryEnqueueAsync(new DeliveryRecord(DeliveryKeys.For(Alice, "2025-W12"), Alice, Guild, Minutes(60), "2025-W12", 1,
            DeliveryKind.Task, DeliveryRecordStatus.Pending, 0, Minutes(30), Minutes(60), null, null)));
        Assert.Equal(SubmissionOutcome.Added, await Stores.Challenges.UpsertSubmissionAsync(new ChallengeSubmission(open.Id, Alice, "Alice", "https://example.com/new", Minutes(31))));

        var data = await Stores.LearnerData.ExportAsync(Alice);
        Assert.Null(data.Profile);
        Assert.Single(data.Checkins);
        Assert.Single(data.Submissions);
    }
}
