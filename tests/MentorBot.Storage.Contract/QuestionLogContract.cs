using MentorBot.Core.Faq;
using MentorBot.Core.Faq.QuestionLog;
using MentorBot.Core.Identity;
using static MentorBot.Storage.Contract.TestData;

namespace MentorBot.Storage.Contract;

public abstract partial class QuestionLogContract : StorageContract
{
    private const string AskerA = "hash-of-asker-a";
    private const string AskerB = "hash-of-asker-b";
    private int _next;

    private IQuestionLog Log => Stores.QuestionLog;

    [Fact]
    public async Task The_first_salt_stored_for_a_community_wins_for_every_worker_and_survives_reopening()
    {
        var first = Enumerable.Repeat((byte)1, 32).ToArray();
        var second = Enumerable.Repeat((byte)2, 32).ToArray();
        var other = (await Database.OpenWorkerAsync()).QuestionLog;

        Assert.Equal(first, await Log.GetOrAddSaltAsync(Guild, first));
        Assert.Equal(first, await other.GetOrAddSaltAsync(Guild, second));
        Assert.Equal(second, await other.GetOrAddSaltAsync(Workspace, second));
        var reopened = (await Database.ReopenAsync()).QuestionLog;
        Assert.Equal(first, await reopened.GetOrAddSaltAsync(Guild, second));
    }

    [Fact]
    public async Task A_logged_question_round_trips_every_field()
    {
        var answered = Question(Guild, At, AskerA, new QuestionDecision(QuestionOutcome.Answered) { EntryId = "degree-required", Confidence = 0.8125 });
        var suggested = Question(Guild, Minutes(1), null, new QuestionDecision(QuestionOutcome.Suggested) { Confidence = 0.25, SuggestionIds = ["a", "b-c"] });
        var smallTalk = Question(Guild, Minutes(2), AskerB, new QuestionDecision(QuestionOutcome.SmallTalk) { SmallTalk = SmallTalkKind.Thanks });
        await Log.AppendAsync([answered, suggested, smallTalk]);

        var reopened = (await Database.ReopenAsync()).QuestionLog;

        AssertSame(answered, await reopened.GetAsync(Guild, answered.Id));
        AssertSame(suggested, await reopened.GetAsync(Guild, suggested.Id));
        AssertSame(smallTalk, await reopened.GetAsync(Guild, smallTalk.Id));
    }

    [Fact]
    public async Task Get_finds_nothing_for_an_unknown_id_or_another_communitys_question()
    {
        var question = Answered(Guild, At, AskerA);
        await Log.AppendAsync([question]);

        Assert.Null(await Log.GetAsync(Workspace, question.Id));
        Assert.Null(await Log.GetAsync(Guild, "AAAAAAAAAAAAAAAAAAAAAA"));
    }

    [Fact]
    public async Task List_returns_the_communitys_questions_since_the_time_oldest_first()
    {
        var old = Answered(Guild, Minutes(-10), AskerA);
        var later = Answered(Guild, Minutes(5), AskerA);
        var first = Answered(Guild, At, AskerB);
        var elsewhere = Answered(Workspace, Minutes(1), AskerA);
        await Log.AppendAsync([later, old, elsewhere, first]);

        var listed = await Log.ListAsync(Guild, At);

        Assert.Equal([first.Id, later.Id], listed.Select(q => q.Id));
    }

    [Fact]
    public async Task Unique_askers_are_counted_once_per_hash_in_the_community_since_the_time()
    {
        await Log.AppendAsync(
        [
            Answered(Guild, At, AskerA), Answered(Guild, Minutes(1), AskerA), Answered(Guild, Minutes(2), AskerB),
            Answered(Guild, Minutes(3), null), Answered(Guild, Minutes(-1), "hash-of-an-earlier-asker"), Answered(Workspace, Minutes(1), "hash-elsewhere"),
        ]);

        Assert.Equal(2, await Log.CountAskersAsync(Guild, At));
        Assert.Equal(0, await Log.CountAskersAsync(Guild, Minutes(10)));
    }

    [Fact]
    public async Task A_second_vote_by_the_same_learner_replaces_the_first_and_a_choice_is_kept_beside_it()
    {
        var question = Answered(Guild, At, AskerA);
        await Log.AppendAsync([question]);

        Assert.Equal(FeedbackOutcome.Recorded, await Log.RecordFeedbackAsync(Guild, Vote(question, AskerB, FeedbackKind.Helpful, Minutes(1))));
        Assert.Equal(FeedbackOutcome.Replaced, await Log.RecordFeedbackAsync(Guild, Vote(question, AskerB, FeedbackKind.NotHelpful, Minutes(2))));
        Assert.Equal(FeedbackOutcome.Recorded, await Log.RecordFeedbackAsync(Guild, Vote(question, AskerA, FeedbackKind.Helpful, Minutes(2))));
        Assert.Equal(FeedbackOutcome.Recorded, await Log.RecordFeedbackAsync(Guild, Vote(question, AskerB, FeedbackKind.ChoseSuggestion, Minutes(3))));

        var totals = Assert.Single(await Log.FeedbackByEntryAsync(Guild, At));
        Assert.Equal(new EntryFeedback("degree-required", Helpful: 1, NotHelpful: 1, ChosenAsSuggestion: 1), totals);
    }

    [Fact]
    public async Task Feedback_on_an_unknown_question_or_another_communitys_changes_nothing()
    {
        var question = Answered(Guild, At, AskerA);
        await Log.AppendAsync([question]);

        Assert.Equal(FeedbackOutcome.UnknownQuestion, await Log.RecordFeedbackAsync(Workspace, Vote(question, AskerB, FeedbackKind.Helpful, Minutes(1))));
        Assert.Equal(FeedbackOutcome.UnknownQuestion, await Log.RecordFeedbackAsync(Guild, Vote(question, AskerB, FeedbackKind.Helpful, Minutes(1)) with { QuestionId = "AAAAAAAAAAAAAAAAAAAAAA" }));

        Assert.Empty(await Log.FeedbackByEntryAsync(Guild, At));
        Assert.Empty(await Log.FeedbackByEntryAsync(Workspace, At));
    }

    [Fact]
    public async Task Feedback_totals_are_per_entry_ordered_by_id_scoped_to_the_community_and_time()
    {
        var one = Answered(Guild, At, AskerA, entry: "zeta");
        var two = Answered(Guild, At, AskerB, entry: "alpha");
        var elsewhere = Answered(Workspace, At, AskerA, entry: "alpha");
        await Log.AppendAsync([one, two, elsewhere]);
        await Log.RecordFeedbackAsync(Guild, Vote(one, AskerA, FeedbackKind.Helpful, Minutes(1)));
        await Log.RecordFeedbackAsync(Guild, Vote(one, AskerB, FeedbackKind.Helpful, Minutes(1)));
        await Log.RecordFeedbackAsync(Guild, Vote(two, AskerA, FeedbackKind.NotHelpful, Minutes(1)));
        await Log.RecordFeedbackAsync(Guild, Vote(two, AskerB, FeedbackKind.Helpful, Minutes(-5)));
        await Log.RecordFeedbackAsync(Workspace, Vote(elsewhere, AskerA, FeedbackKind.Helpful, Minutes(1)));

        var totals = await Log.FeedbackByEntryAsync(Guild, At);

        Assert.Equal([new EntryFeedback("alpha", 0, 1, 0), new EntryFeedback("zeta", 2, 0, 0)], totals);
    }

    [Fact]
    public async Task Export_gives_one_askers_questions_and_feedback_in_the_community_only()
    {
        var mine = Answered(Guild, At, AskerA);
        var theirs = Answered(Guild, Minutes(1), AskerB);
        var mineElsewhere = Answered(Workspace, Minutes(2), AskerA);
        await Log.AppendAsync([mine, theirs, mineElsewhere]);
        var myVote = Vote(theirs, AskerA, FeedbackKind.NotHelpful, Minutes(3));
        await Log.RecordFeedbackAsync(Guild, myVote);
        await Log.RecordFeedbackAsync(Guild, Vote(mine, AskerB, FeedbackKind.Helpful, Minutes(4)));
        await Log.RecordFeedbackAsync(Workspace, Vote(mineElsewhere, AskerA, FeedbackKind.Helpful, Minutes(4)));

        var export = await Log.ExportAskerAsync(Guild, AskerA);

        AssertSame(mine, Assert.Single(export.Questions));
        Assert.Equal(myVote, Assert.Single(export.Feedback));
    }

    [Fact]
    public async Task Forgetting_an_asker_deletes_their_feedback_and_unlinks_their_questions_but_keeps_the_counts()
    {
        var mine = Answered(Guild, At, AskerA);
        var again = Answered(Guild, Minutes(1), AskerA);
        var theirs = Answered(Guild, Minutes(2), AskerB);
        var mineElsewhere = Answered(Workspace, Minutes(2), AskerA);
        await Log.AppendAsync([mine, again, theirs, mineElsewhere]);
        await Log.RecordFeedbackAsync(Guild, Vote(theirs, AskerA, FeedbackKind.Helpful, Minutes(3)));
        await Log.RecordFeedbackAsync(Guild, Vote(mine, AskerB, FeedbackKind.NotHelpful, Minutes(3)));

        var forgotten = await Log.ForgetAskerAsync(Guild, AskerA);

        Assert.Equal(new AskerForgotten(QuestionsUnlinked: 2, FeedbackDeleted: 1), forgotten);
        var export = await Log.ExportAskerAsync(Guild, AskerA);
        Assert.Empty(export.Questions);
        Assert.Empty(export.Feedback);
        Assert.Equal(3, (await Log.ListAsync(Guild, At)).Count);
        Assert.Null((await Log.GetAsync(Guild, mine.Id))!.AskerHash);
        Assert.Equal(AskerB, (await Log.GetAsync(Guild, theirs.Id))!.AskerHash);
        Assert.Equal(1, await Log.CountAskersAsync(Guild, At));
        Assert.Equal([new EntryFeedback("degree-required", 0, 1, 0)], await Log.FeedbackByEntryAsync(Guild, At));
        Assert.Equal(AskerA, (await Log.GetAsync(Workspace, mineElsewhere.Id))!.AskerHash);
    }

    [Fact]
    public async Task Pruning_deletes_questions_older_than_the_cutoff_with_their_feedback()
    {
        var old = Answered(Guild, Minutes(-60), AskerA, entry: "old-entry");
        var kept = Answered(Guild, At, AskerA, entry: "kept-entry");
        var oldElsewhere = Answered(Workspace, Minutes(-60), AskerB);
        await Log.AppendAsync([old, kept, oldElsewhere]);
        await Log.RecordFeedbackAsync(Guild, Vote(old, AskerB, FeedbackKind.Helpful, Minutes(1)));
        await Log.RecordFeedbackAsync(Guild, Vote(kept, AskerB, FeedbackKind.Helpful, Minutes(1)));

        Assert.Equal(2, await Log.PruneAsync(At));

        Assert.Null(await Log.GetAsync(Guild, old.Id));
        Assert.Null(await Log.GetAsync(Workspace, oldElsewhere.Id));
        Assert.NotNull(await Log.GetAsync(Guild, kept.Id));
        Assert.Equal([new EntryFeedback("kept-entry", 1, 0, 0)], await Log.FeedbackByEntryAsync(Guild, Minutes(-1000)));
        Assert.DoesNotContain((await Log.ExportAskerAsync(Guild, AskerB)).Feedback, f => f.QuestionId == old.Id);
        Assert.Equal(FeedbackOutcome.UnknownQuestion, await Log.RecordFeedbackAsync(Guild, Vote(old, AskerA, FeedbackKind.Helpful, Minutes(2))));
        Assert.Equal(0, await Log.PruneAsync(At));
    }

    [Fact]
    public async Task A_question_logged_by_one_worker_is_voted_on_through_another()
    {
        var other = (await Database.OpenWorkerAsync()).QuestionLog;
        var question = Answered(Guild, At, AskerA);
        await Log.AppendAsync([question]);

        Assert.Equal(FeedbackOutcome.Recorded, await other.RecordFeedbackAsync(Guild, Vote(question, AskerB, FeedbackKind.Helpful, Minutes(1))));
        Assert.Equal([new EntryFeedback("degree-required", 1, 0, 0)], await Log.FeedbackByEntryAsync(Guild, At));
    }

    private LoggedQuestion Answered(CommunityId community, DateTimeOffset at, string? asker, string entry = "degree-required", double confidence = 0.9) =>
        Question(community, at, asker, new QuestionDecision(QuestionOutcome.Answered) { EntryId = entry, Confidence = confidence });

    private LoggedQuestion Question(CommunityId community, DateTimeOffset at, string? asker, QuestionDecision decision)
    {
        var n = Interlocked.Increment(ref _next);
        return new LoggedQuestion($"question{n:D14}", community, $"Do I need a degree? #{n}", $"do i need a degree? #{n}", at, decision, "kb-0123abcd cal-default sem-off", asker);
    }

    private static QuestionFeedback Vote(LoggedQuestion question, string voter, FeedbackKind kind, DateTimeOffset at) =>
        new(question.Id, voter, kind, question.Decision.EntryId ?? "degree-required", at);

    private static void AssertSame(LoggedQuestion expected, LoggedQuestion? actual)
    {
        Assert.NotNull(actual);
        Assert.Equal(expected with { Decision = null! }, actual with { Decision = null! });
        Assert.Equal(expected.At.Offset, actual.At.Offset);
        Assert.Equal(expected.Decision with { SuggestionIds = [] }, actual.Decision with { SuggestionIds = [] });
        Assert.Equal(expected.Decision.SuggestionIds, actual.Decision.SuggestionIds);
    }
}
