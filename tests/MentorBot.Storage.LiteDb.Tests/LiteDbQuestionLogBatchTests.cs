using LiteDB;
using MentorBot.Core.Faq.QuestionLog;
using MentorBot.Core.Identity;
using MentorBot.Storage.LiteDb.Documents;

namespace MentorBot.Storage.LiteDb.Tests;

/// <summary>
/// The LiteDB question log stores a written batch as one document (a compact blob), and still reads the one-document-
/// per-question rows of files written before that.
/// </summary>
public sealed class LiteDbQuestionLogBatchTests : IDisposable
{
    private static readonly CommunityId Guild = new("discord", "1");
    private static readonly CommunityId Workspace = new("slack", "T1");
    private static readonly DateTimeOffset Start = new(2026, 12, 3, 10, 0, 0, TimeSpan.Zero);
    private readonly TempDatabase _file = new();

    [Fact]
    public async Task A_batch_of_questions_is_stored_as_one_document()
    {
        var log = new LiteDbQuestionLog(_file.Context);
        var questions = Enumerable.Range(0, 500).Select(i => Question(Guild, Start.AddMilliseconds(i), $"asker{i % 7}")).ToList();

        await log.AppendAsync(questions);

        var database = _file.Context.Database;
        Assert.Equal(1, database.GetCollection("question_log_batches").Count());
        Assert.Equal(0, database.GetCollection(LiteDbQuestionLog.QuestionsCollection).Count());
        var listed = await log.ListAsync(Guild, DateTimeOffset.MinValue);
        Assert.Equal(questions.Select(q => q.Id), listed.Select(q => q.Id));
        Assert.Equal(questions[123], await log.GetAsync(Guild, questions[123].Id), QuestionComparer.Instance);
    }

    [Fact]
    public async Task A_question_is_found_by_its_time_ordered_id_among_many_batches_and_survives_a_reopen()
    {
        var log = new LiteDbQuestionLog(_file.Context);
        var batches = Enumerable.Range(0, 5)
            .Select(b => Enumerable.Range(0, 20).Select(i => Question(b % 2 == 0 ? Guild : Workspace, Start.AddMinutes(b).AddSeconds(i), "a")).ToList())
            .ToList();
        foreach (var batch in batches)
            await log.AppendAsync(batch);

        log = new LiteDbQuestionLog(_file.Reopen());
        foreach (var (batch, b) in batches.Select((batch, b) => (batch, b)))
        {
            var community = b % 2 == 0 ? Guild : Workspace;
            var other = b % 2 == 0 ? Workspace : Guild;
            foreach (var question in batch)
            {
                Assert.Equal(question, await log.GetAsync(community, question.Id), QuestionComparer.Instance);
                Assert.Null(await log.GetAsync(other, question.Id));
            }
        }
        // A vote finds its question inside a batch.
        var rated = batches[3][7];
        Assert.Equal(FeedbackOutcome.Recorded, await log.RecordFeedbackAsync(Workspace, new QuestionFeedback(rated.Id, "v", FeedbackKind.Helpful, "degree-required", Start.AddHours(1))));
        Assert.Null(await log.GetAsync(Guild, QuestionIds.New(Start.AddMinutes(2).AddSeconds(3))));
    }

    [Fact]
    public async Task Questions_written_one_document_each_by_an_earlier_version_are_still_read_forgotten_and_pruned()
    {
        var old = Question(Guild, Start, "forget-me");
        var oldKept = Question(Guild, Start.AddDays(2), "forget-me");
        var legacy = _file.Context.Database.GetCollection<QuestionLogDocument>(LiteDbQuestionLog.QuestionsCollection);
        foreach (var question in new[] { old, oldKept })
        {
            legacy.Insert(new QuestionLogDocument
            {
                Id = question.Id, Community = question.Community.ToString(), Text = question.Text, Normalised = question.Normalised,
                AtUtcTicks = question.At.UtcTicks, Outcome = question.Decision.Outcome.ToString(), EntryId = question.Decision.EntryId,
                Confidence = question.Decision.Confidence, SuggestionIds = [.. question.Decision.SuggestionIds],
                SmallTalk = question.Decision.SmallTalk?.ToString(), EngineVersion = question.EngineVersion, AskerHash = question.AskerHash,
            });
        }
        var log = new LiteDbQuestionLog(_file.Context);
        var batched = Question(Guild, Start.AddDays(3), "forget-me");
        await log.AppendAsync([batched]);

        Assert.Equal(old, await log.GetAsync(Guild, old.Id), QuestionComparer.Instance);
        Assert.Equal([old.Id, oldKept.Id, batched.Id], (await log.ListAsync(Guild, DateTimeOffset.MinValue)).Select(q => q.Id));
        Assert.Equal([old.Id, oldKept.Id, batched.Id], (await log.ExportAskerAsync(Guild, "forget-me")).Questions.Select(q => q.Id));
        Assert.Equal(1, await log.CountAskersAsync(Guild, DateTimeOffset.MinValue));

        Assert.Equal(1, await log.PruneAsync(Start.AddDays(1)));
        Assert.Equal(new AskerForgotten(2, 0), await log.ForgetAskerAsync(Guild, "forget-me"));
        Assert.Empty((await log.ExportAskerAsync(Guild, "forget-me")).Questions);
        Assert.Equal([oldKept.Id, batched.Id], (await log.ListAsync(Guild, DateTimeOffset.MinValue)).Select(q => q.Id));
        Assert.Equal(2, LiteDbExport.Read(_file.Context).Questions.Count);
    }

    [Fact]
    public async Task Pruning_and_forgetting_rewrite_only_the_questions_they_touch_inside_a_batch()
    {
        var log = new LiteDbQuestionLog(_file.Context);
        var batch = Enumerable.Range(0, 10).Select(i => Question(i % 2 == 0 ? Guild : Workspace, Start.AddHours(i), i % 3 == 0 ? "x" : "y")).ToList();
        await log.AppendAsync(batch);

        // Hours 0..3 go: four questions out of the one batch document.
        Assert.Equal(4, await log.PruneAsync(Start.AddHours(4)));
        Assert.Equal(0, await log.PruneAsync(Start.AddHours(4)));
        var left = batch.Skip(4).ToList();
        Assert.Equal(left.Where(q => q.Community == Guild).Select(q => q.Id), (await log.ListAsync(Guild, DateTimeOffset.MinValue)).Select(q => q.Id));

        // "x" asked at hours 6 (guild) and 9 (workspace); only the guild's is unlinked.
        Assert.Equal(new AskerForgotten(1, 0), await log.ForgetAskerAsync(Guild, "x"));
        Assert.Null((await log.GetAsync(Guild, batch[6].Id))!.AskerHash);
        Assert.Equal("x", (await log.GetAsync(Workspace, batch[9].Id))!.AskerHash);
        Assert.Equal("y", (await log.GetAsync(Guild, batch[8].Id))!.AskerHash);
        Assert.Equal(1, _file.Context.Database.GetCollection("question_log_batches").Count());
    }

    public void Dispose() => _file.Dispose();

    private static int s_next;

    private static LoggedQuestion Question(CommunityId community, DateTimeOffset at, string? asker)
    {
        var n = Interlocked.Increment(ref s_next);
        var decision = (n % 3) switch
        {
            0 => new QuestionDecision(QuestionOutcome.Answered) { EntryId = "degree-required", Confidence = 0.8125 },
            1 => new QuestionDecision(QuestionOutcome.Suggested) { Confidence = 0.25, SuggestionIds = ["a", "b-c"] },
            _ => new QuestionDecision(QuestionOutcome.SmallTalk) { SmallTalk = Core.Faq.SmallTalkKind.Thanks },
        };
        return new LoggedQuestion(QuestionIds.New(at), community, $"Do I need  a degree? #{n}", $"Do I need a degree? #{n}", at, decision, "kb-0123abcd cal-default sem-off", asker);
    }

    /// <summary>Records with a list compare by reference; this compares the decision's suggestions by value.</summary>
    private sealed class QuestionComparer : IEqualityComparer<LoggedQuestion?>
    {
        public static readonly QuestionComparer Instance = new();

        public bool Equals(LoggedQuestion? x, LoggedQuestion? y) =>
            x is null || y is null
                ? x is null && y is null
                : x with { Decision = y.Decision } == y && x.Decision with { SuggestionIds = y.Decision.SuggestionIds } == y.Decision
                  && x.Decision.SuggestionIds.SequenceEqual(y.Decision.SuggestionIds);

        public int GetHashCode(LoggedQuestion? obj) => obj?.Id.GetHashCode(StringComparison.Ordinal) ?? 0;
    }
}
