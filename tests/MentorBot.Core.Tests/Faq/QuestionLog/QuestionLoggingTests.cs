using MentorBot.Core.Background;
using MentorBot.Core.Commands;
using MentorBot.Core.Faq;
using MentorBot.Core.Faq.QuestionLog;
using MentorBot.Core.Tests.Fakes;
using MentorBot.Testing;

namespace MentorBot.Core.Tests.Faq.QuestionLog;

/// <summary>/faq through the real dispatcher with the question log on (an in-memory store).</summary>
public sealed class QuestionLoggingTests : IDisposable
{
    private readonly InMemoryQuestionLog _log = new();
    private readonly BotHarness _bot;

    public QuestionLoggingTests() => _bot = new BotHarness(questionLog: _log);

    public void Dispose() => _bot.Dispose();

    private FaqQuestionLog QuestionLog => _bot.Get<FaqQuestionLog>();

    [Fact]
    public async Task An_answered_question_is_logged_with_its_decision_and_a_keyed_hash_of_the_asker_not_their_id()
    {
        _bot.Faq.Result = new FaqResult(SampleKnowledge.Degree, 0.875, []);

        await _bot.SendAsync("/faq   Do I  need a DEGREE");
        await QuestionLog.FlushAsync();

        var logged = Assert.Single(_log.Questions);
        Assert.Equal(BotHarness.Community, logged.Community);
        Assert.Equal("Do I  need a DEGREE", logged.Text);
        Assert.Equal(AnswerCache.Normalise("Do I  need a DEGREE"), logged.Normalised);
        Assert.Equal(BotHarness.Start, logged.At);
        Assert.Equal(QuestionOutcome.Answered, logged.Decision.Outcome);
        Assert.Equal("degree", logged.Decision.EntryId);
        Assert.Equal(0.875, logged.Decision.Confidence);
        Assert.Matches(@"^kb-[0-9a-f]{8} cal-default sem-off$", logged.EngineVersion);
        var salt = await _log.GetOrAddSaltAsync(BotHarness.Community, new byte[32]);
        Assert.Equal(32, salt.Length);
        Assert.NotEqual(new byte[32], salt);
        Assert.Equal(AskerHasher.Hash(salt, BotHarness.Alice.Id), logged.AskerHash);
        Assert.DoesNotContain("alice", logged.AskerHash!, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(BotHarness.Alice.Id.ToString(), logged.AskerHash!, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Two_askers_get_different_hashes_and_one_asker_the_same_hash_each_time()
    {
        _bot.Faq.Result = new FaqResult(SampleKnowledge.Degree, 0.9, []);

        await _bot.SendAsync("/faq degree", BotHarness.Alice);
        await _bot.SendAsync("/faq degree again", BotHarness.Bob);
        await _bot.SendAsync("/faq degree once more", BotHarness.Alice);
        await QuestionLog.FlushAsync();

        var hashes = _log.Questions.Select(q => q.AskerHash).ToList();
        Assert.Equal(hashes[0], hashes[2]);
        Assert.NotEqual(hashes[0], hashes[1]);
        Assert.Equal(2, await _log.CountAskersAsync(BotHarness.Community, BotHarness.Start));
    }

    [Fact]
    public async Task Suggestions_small_talk_and_declines_are_logged_with_their_decision()
    {
        _bot.Faq.Result = new FaqResult(null, 0.3, [SampleKnowledge.Portfolio, SampleKnowledge.LearningPath]);
        await _bot.SendAsync("/faq how do portfolios");
        _bot.Faq.Result = new FaqResult(null, 0, []) { SmallTalk = SmallTalkKind.Thanks };
        await _bot.SendAsync("/faq thanks");
        _bot.Faq.Result = new FaqResult(null, 0.05, []);
        await _bot.SendAsync("/faq what is the meaning of life");
        _bot.Faq.Result = new FaqResult(null, 0.1, [SampleKnowledge.Degree]) { NotEnglish = true };
        await _bot.SendAsync("/faq necesito un titulo");
        await QuestionLog.FlushAsync();

        var decisions = _log.Questions.Select(q => q.Decision).ToList();
        Assert.Equal([QuestionOutcome.Suggested, QuestionOutcome.SmallTalk, QuestionOutcome.Declined, QuestionOutcome.NotEnglish], decisions.Select(d => d.Outcome));
        Assert.Equal(["portfolio", "learning-path"], decisions[0].SuggestionIds);
        Assert.Equal(SmallTalkKind.Thanks, decisions[1].SmallTalk);
        Assert.Equal(0.05, decisions[2].Confidence);
    }

    [Fact]
    public async Task Faq_without_a_question_is_not_logged()
    {
        await _bot.SendAsync("/faq");
        await QuestionLog.FlushAsync();

        Assert.Empty(_log.Questions);
    }

    [Fact]
    public async Task An_answer_carries_helpful_and_not_helpful_and_a_second_vote_replaces_the_first()
    {
        _bot.Faq.Result = new FaqResult(SampleKnowledge.Degree, 0.9, []);
        var answer = await _bot.SendAsync("/faq do I need a degree");
        var ratings = answer.FollowUps.Where(f => f.Rates).ToList();
        Assert.Equal([FaqHandler.Helpful, FaqHandler.NotHelpful], ratings.Select(f => f.Label));

        var up = await Click(ratings[0], BotHarness.Bob);
        var down = await Click(ratings[1], BotHarness.Bob);

        Assert.Equal(FaqQuestionLog.VoteRecorded, up.Text);
        Assert.Equal(ReplyVisibility.OnlyYou, up.Visibility);
        Assert.Equal(FaqQuestionLog.VoteRecorded, down.Text);
        var vote = Assert.Single(_log.Feedback);
        Assert.Equal(FeedbackKind.NotHelpful, vote.Kind);
        Assert.Equal("degree", vote.EntryId);
        Assert.Equal(_log.Questions[0].Id, vote.QuestionId);
        Assert.NotEqual(_log.Questions[0].AskerHash, vote.VoterHash);
    }

    [Fact]
    public async Task Mydata_holds_the_learners_questions_and_votes_and_forget_unlinks_the_questions_and_deletes_the_votes()
    {
        _bot.Faq.Result = new FaqResult(SampleKnowledge.Degree, 0.9, []);
        var answer = await _bot.SendAsync("/faq do I need a degree");
        await Click(answer.FollowUps.First(f => f.Rates), BotHarness.Alice);
        await _bot.SendAsync("/faq is a degree a must", BotHarness.Bob);

        var export = await _bot.SendAsync("/mydata");
        var json = System.Text.Json.Nodes.JsonNode.Parse(Assert.IsType<ReplyAttachment>(export.Attachment).Content)!;
        var section = json["data"]!["questionLog"]!;
        Assert.Equal("do I need a degree", Assert.Single(section["questions"]!.AsArray())!["text"]!.GetValue<string>());
        Assert.Equal("Helpful", Assert.Single(section["feedback"]!.AsArray())!["kind"]!.GetValue<string>());

        await _bot.SendAsync("/forget");
        var done = await _bot.SendAsync("/forget confirm");

        Assert.Contains("Votes on answers and picked suggestions: 1 deleted", done.Text, StringComparison.Ordinal);
        Assert.Empty(_log.Feedback);
        Assert.Equal(2, _log.Questions.Count);
        Assert.Null(_log.Questions.Single(q => q.Text == "do I need a degree").AskerHash);
        Assert.NotNull(_log.Questions.Single(q => q.Text == "is a degree a must").AskerHash);
    }

    [Fact]
    public async Task A_vote_on_an_unknown_or_malformed_question_id_is_refused_and_changes_nothing()
    {
        var unknown = await _bot.RunAsync("faq", options: [("vote", "up"), ("q", QuestionIds.New(DateTimeOffset.UnixEpoch))]);
        var malformed = await _bot.RunAsync("faq", options: [("vote", "up"), ("q", "../../etc")]);
        var sideways = await _bot.RunAsync("faq", options: [("vote", "sideways"), ("q", QuestionIds.New(DateTimeOffset.UnixEpoch))]);

        Assert.All([unknown, malformed, sideways], r => Assert.Equal(ReplyKind.Refusal, r.Kind));
        Assert.Contains("Nothing was recorded", unknown.Text, StringComparison.Ordinal);
        Assert.Empty(_log.Feedback);
    }

    [Fact]
    public async Task A_vote_from_another_community_is_refused()
    {
        _bot.Faq.Result = new FaqResult(SampleKnowledge.Degree, 0.9, []);
        var answer = await _bot.SendAsync("/faq do I need a degree");
        var helpful = answer.FollowUps.First(f => f.Rates);

        var reply = await _bot.Dispatcher.DispatchAsync(new CommandRequest(helpful.Command, helpful.Options, BotHarness.Bob, new Identity.CommunityId("console", "elsewhere")));

        Assert.Equal(ReplyKind.Refusal, reply.Kind);
        Assert.Empty(_log.Feedback);
    }

    [Fact]
    public async Task A_rating_about_an_entry_the_question_never_showed_is_refused()
    {
        _bot.Faq.Result = new FaqResult(SampleKnowledge.Degree, 0.9, []);
        var answer = await _bot.SendAsync("/faq do I need a degree");
        var helpful = answer.FollowUps.First(f => f.Rates);
        var forged = new Dictionary<string, string>(helpful.Options) { [FaqHandler.EntryOption] = "portfolio" };

        var reply = await _bot.Dispatcher.DispatchAsync(new CommandRequest("faq", forged, BotHarness.Bob, BotHarness.Community));

        Assert.Equal(ReplyKind.Refusal, reply.Kind);
        Assert.Empty(_log.Feedback);
    }

    [Fact]
    public async Task Clicking_a_did_you_mean_suggestion_records_the_entry_the_learner_meant_and_its_answer_can_be_rated()
    {
        await _bot.Get<BackgroundWorkQueue>().StartAsync(CancellationToken.None);
        _bot.Faq.Result = new FaqResult(null, 0.3, [SampleKnowledge.Portfolio, SampleKnowledge.LearningPath]);
        var unsure = await _bot.SendAsync("/faq how do portfolios");
        var suggestion = unsure.FollowUps.Single(f => f.Options["question"] == "portfolio");
        Assert.True(suggestion.Options.ContainsKey(FollowUp.QuestionLogOption));

        _bot.Faq.Result = new FaqResult(SampleKnowledge.Portfolio, 1, []);
        var answer = await Click(suggestion, BotHarness.Alice);
        await Wait.UntilAsync(() => _log.Feedback.Count == 1);

        var choice = Assert.Single(_log.Feedback);
        Assert.Equal(FeedbackKind.ChoseSuggestion, choice.Kind);
        Assert.Equal("portfolio", choice.EntryId);
        var question = Assert.Single(_log.Questions);
        Assert.Equal(question.Id, choice.QuestionId);
        Assert.Equal(question.AskerHash, choice.VoterHash);

        await Click(answer.FollowUps.First(f => f.Rates), BotHarness.Alice);
        var vote = Assert.Single(_log.Feedback, f => f.IsVote);
        Assert.Equal(("portfolio", FeedbackKind.Helpful, question.Id), (vote.EntryId, vote.Kind, vote.QuestionId));
    }

    [Fact]
    public async Task A_storage_failure_does_not_fail_the_answer()
    {
        _log.Failure = new IOException("disk on fire");
        _bot.Faq.Result = new FaqResult(SampleKnowledge.Degree, 0.9, []);

        var answer = await _bot.SendAsync("/faq do I need a degree");
        await QuestionLog.FlushAsync();

        Assert.Equal(ReplyKind.Answer, answer.Kind);
        Assert.Equal("Do I need a CS degree?", answer.Title);
        Assert.Empty(_log.Questions);
    }

    [Fact]
    public async Task Forget_unlinks_the_learners_questions_and_export_finds_nothing_afterwards()
    {
        _bot.Faq.Result = new FaqResult(SampleKnowledge.Degree, 0.9, []);
        var answer = await _bot.SendAsync("/faq do I need a degree");
        await Click(answer.FollowUps.First(f => f.Rates), BotHarness.Alice);
        var before = await QuestionLog.ExportAsync(BotHarness.Community, BotHarness.Alice.Id);
        Assert.Single(before!.Questions);
        Assert.Single(before.Feedback);

        var forgotten = await QuestionLog.ForgetAsync(BotHarness.Community, BotHarness.Alice.Id);

        Assert.Equal(new AskerForgotten(1, 1), forgotten);
        var after = await QuestionLog.ExportAsync(BotHarness.Community, BotHarness.Alice.Id);
        Assert.Empty(after!.Questions);
        Assert.Empty(after.Feedback);
        Assert.Null(Assert.Single(_log.Questions).AskerHash);
    }

    private Task<Reply> Click(FollowUp followUp, Actor actor) =>
        _bot.Dispatcher.DispatchAsync(new CommandRequest(followUp.Command, followUp.Options, actor, BotHarness.Community));
}
