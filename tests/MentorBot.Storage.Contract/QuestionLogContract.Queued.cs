using MentorBot.Core.Background;
using MentorBot.Core.Commands;
using MentorBot.Core.Faq;
using MentorBot.Core.Faq.QuestionLog;
using MentorBot.Core.Identity;
using MentorBot.Core.Knowledge;
using MentorBot.Core.Tests.Fakes;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using static MentorBot.Storage.Contract.TestData;

namespace MentorBot.Storage.Contract;

/// <summary>
/// The question log as <c>/faq</c> writes it: queued in memory and written in batches by <see cref="FaqQuestionLog"/>
/// over this provider. The fake clock never moves, so nothing is written by the flush interval: only by a full batch,
/// a flush, a read that needs the rows, or the stop.
/// </summary>
public abstract partial class QuestionLogContract
{
    private readonly FakeTimeProvider _clock = new(At);

    [Fact]
    public async Task Many_queued_questions_are_written_in_batches_and_read_back_with_their_fields()
    {
        await using var logging = Logging();
        var results = new[]
        {
            new FaqResult(SampleKnowledge.Degree, 0.875, []),
            new FaqResult(null, 0.25, [SampleKnowledge.Portfolio, SampleKnowledge.LearningPath]),
            new FaqResult(null, 0, []) { SmallTalk = SmallTalkKind.Thanks },
            new FaqResult(null, 0.1, [SampleKnowledge.Degree]) { NotEnglish = true },
            new FaqResult(null, 0.05, []),
        };
        // More than two batches of 500, from two communities and two learners.
        const int Count = 1_234;
        var ids = new List<string>();
        for (var i = 0; i < Count; i++)
        {
            _clock.Advance(TimeSpan.FromTicks(1));
            var (community, learner) = i % 3 == 0 ? (Workspace, Bob) : (Guild, Alice);
            ids.Add(logging.Log(Ask(community, learner), $"  Do I   need a degree #{i}", results[i % results.Length], KnowledgeBase.Empty)!);
        }

        await logging.FlushAsync();

        Assert.Equal(0, logging.Pending);
        var guild = await Log.ListAsync(Guild, At);
        var workspace = await Log.ListAsync(Workspace, At);
        Assert.Equal(Count, guild.Count + workspace.Count);
        var aliceHash = AskerHasher.Hash(await Log.GetOrAddSaltAsync(Guild, new byte[32]), Alice);
        var bobHash = AskerHasher.Hash(await Log.GetOrAddSaltAsync(Workspace, new byte[32]), Bob);
        var byId = guild.Concat(workspace).ToDictionary(q => q.Id);
        for (var i = 0; i < Count; i++)
        {
            var logged = byId[ids[i]];
            Assert.Equal(i % 3 == 0 ? Workspace : Guild, logged.Community);
            Assert.Equal($"  Do I   need a degree #{i}", logged.Text);
            Assert.Equal($"Do I need a degree #{i}", logged.Normalised);
            Assert.Equal(At.AddTicks(i + 1), logged.At);
            Assert.Equal(i % 3 == 0 ? bobHash : aliceHash, logged.AskerHash);
            Assert.Equal("kb-", logged.EngineVersion[..3]);
            var expected = QuestionDecision.From(results[i % results.Length]);
            Assert.Equal(expected with { SuggestionIds = [] }, logged.Decision with { SuggestionIds = [] });
            Assert.Equal(expected.SuggestionIds, logged.Decision.SuggestionIds);
        }
    }

    [Fact]
    public async Task A_vote_on_an_answer_whose_question_is_still_queued_is_recorded()
    {
        await using var logging = Logging();
        var id = logging.Log(Ask(Guild, Alice), "do I need a degree", new FaqResult(SampleKnowledge.Degree, 0.9, []), KnowledgeBase.Empty)!;
        Assert.Equal(1, logging.Pending);

        var reply = await logging.VoteAsync(Ask(Guild, Bob), id, helpful: true, entryId: null, CancellationToken.None);

        Assert.Equal(FaqQuestionLog.VoteRecorded, reply.Text);
        Assert.Equal([new EntryFeedback("degree", 1, 0, 0)], await Log.FeedbackByEntryAsync(Guild, At.AddDays(-1)));
    }

    [Fact]
    public async Task Forgetting_a_learner_whose_questions_are_still_queued_leaves_none_of_them_linked()
    {
        var logging = Logging();
        var answered = new FaqResult(SampleKnowledge.Degree, 0.9, []);
        logging.Log(Ask(Guild, Alice), "do I need a degree", answered, KnowledgeBase.Empty);
        logging.Log(Ask(Guild, Alice), "is a degree a must", answered, KnowledgeBase.Empty);
        logging.Log(Ask(Guild, Bob), "degree or not", answered, KnowledgeBase.Empty);
        Assert.Equal(3, logging.Pending);

        var forgotten = await logging.ForgetAsync(Guild, Alice);
        await logging.DisposeAsync();

        Assert.Equal(new AskerForgotten(QuestionsUnlinked: 2, FeedbackDeleted: 0), forgotten);
        var questions = await Log.ListAsync(Guild, At);
        Assert.Equal(3, questions.Count);
        var aliceHash = AskerHasher.Hash(await Log.GetOrAddSaltAsync(Guild, new byte[32]), Alice);
        Assert.DoesNotContain(questions, q => q.AskerHash == aliceHash);
        Assert.Equal(2, questions.Count(q => q.AskerHash is null));
        Assert.Empty((await Log.ExportAskerAsync(Guild, aliceHash)).Questions);
    }

    [Fact]
    public async Task Questions_still_queued_when_the_host_stops_are_written()
    {
        var logging = Logging();
        var stop = new QuestionLogShutdown(logging);
        for (var i = 0; i < 7; i++)
            logging.Log(Ask(Guild, Alice), $"question {i}", new FaqResult(null, 0.1, []), KnowledgeBase.Empty);
        Assert.Equal(7, logging.Pending);

        await stop.StopAsync(CancellationToken.None);

        Assert.Equal(0, logging.Pending);
        Assert.Equal(7, (await Log.ListAsync(Guild, At)).Count);
        await logging.DisposeAsync();
    }

    [Fact]
    public async Task Questions_still_queued_when_the_log_is_disposed_are_written_and_later_ones_are_not()
    {
        var logging = Logging();
        for (var i = 0; i < 5; i++)
            logging.Log(Ask(Guild, Alice), $"question {i}", new FaqResult(null, 0.1, []), KnowledgeBase.Empty);

        await logging.DisposeAsync();
        logging.Log(Ask(Guild, Alice), "asked after the stop", new FaqResult(null, 0.1, []), KnowledgeBase.Empty);
        await logging.FlushAsync();

        var reopened = (await Database.ReopenAsync()).QuestionLog;
        var texts = (await reopened.ListAsync(Guild, At)).Select(q => q.Text).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(Enumerable.Range(0, 5).Select(i => $"question {i}"), texts);
    }

    private FaqQuestionLog Logging() => new(
        Options.Create(new QuestionLogOptions { FlushInterval = TimeSpan.FromSeconds(1) }), new NoFaq(), new NoBackgroundWork(), _clock, store: Log);

    private static CommandRequest Ask(CommunityId community, LearnerId learner) =>
        new("faq", new Dictionary<string, string>(), new Actor(learner, learner.UserId, IsModerator: false), community);

    private sealed class NoFaq : IFaqService
    {
        public FaqResult Ask(string question) => new(null, 0, []);

        public IReadOnlyList<FaqEntry> Complete(string partialQuestion, int max) => [];
    }

    private sealed class NoBackgroundWork : IBackgroundWorkQueue
    {
        public bool TryEnqueue(string name, Func<CancellationToken, Task> work) => false;
    }
}
