using MentorBot.Core.Faq.QuestionLog;
using MentorBot.Core.Identity;
using static MentorBot.Storage.Contract.TestData;

namespace MentorBot.Storage.Contract;

/// <summary>The Questions page's read: distinct shaky questions, cut by the answering mode's threshold, a page at a time.</summary>
public abstract partial class QuestionLogContract
{
    private const string WithModel = "kb-0123abcd cal-2026-12-03 sem-on";
    private const string LexicalOnly = "kb-0123abcd cal-2026-12-03 sem-off";

    // The shipped calibration's answer thresholds (0.65 with the model, 0.51 lexical only) plus a band of 0.1.
    private static readonly ShakyCut Cut = new(0.75, 0.61);

    [Fact]
    public async Task Shaky_answers_are_those_below_the_cut_of_the_mode_that_answered_beside_everything_unanswered()
    {
        var lexicalShaky = Asked("lexical just above its threshold", At, Answer(0.53), LexicalOnly);
        var lexicalSure = Asked("lexical well above its threshold", Minutes(1), Answer(0.66), LexicalOnly);
        var modelShaky = Asked("model just above its threshold", Minutes(2), Answer(0.67), WithModel);
        var modelSure = Asked("model well above its threshold", Minutes(3), Answer(0.9), WithModel);
        var declined = Asked("declined", Minutes(4), new QuestionDecision(QuestionOutcome.Declined) { Confidence = 0.2 }, WithModel);
        var suggested = Asked("suggested", Minutes(5), new QuestionDecision(QuestionOutcome.Suggested) { Confidence = 0.3, SuggestionIds = ["x", "y"] }, LexicalOnly);
        var hello = Asked("hello", Minutes(6), new QuestionDecision(QuestionOutcome.SmallTalk) { SmallTalk = Core.Faq.SmallTalkKind.Greeting }, WithModel);
        var foreign = Asked("not english", Minutes(7), new QuestionDecision(QuestionOutcome.NotEnglish) { Confidence = 0 }, WithModel);
        var early = Asked("declined before the window", Minutes(-1), new QuestionDecision(QuestionOutcome.Declined), WithModel);
        var elsewhere = Asked("declined elsewhere", Minutes(1), new QuestionDecision(QuestionOutcome.Declined), WithModel, Workspace);
        await Log.AppendAsync([lexicalShaky, lexicalSure, modelShaky, modelSure, declined, suggested, hello, foreign, early, elsewhere]);

        var page = await Log.ListShakyAsync(Guild, At, Cut, 10);

        Assert.Equal(["not english", "suggested", "declined", "model just above its threshold", "lexical just above its threshold"], page.Questions.Select(q => q.Text));
        Assert.Equal((5, 5, (ShakyCursor?)null), (page.Distinct, page.Asked, page.Older));
        var listed = page.Questions[1];
        Assert.Equal(suggested.At, listed.LastAsked);
        Assert.Equal(suggested.At.Offset, listed.LastAsked.Offset);
        Assert.Equal(QuestionOutcome.Suggested, listed.LastDecision.Outcome);
        Assert.Equal(["x", "y"], listed.LastDecision.SuggestionIds);
        Assert.Equal(0.67, page.Questions[3].LastDecision.Confidence);
    }

    [Fact]
    public async Task A_question_asked_many_times_is_one_item_with_its_count_and_its_latest_ask()
    {
        var asks = Enumerable.Range(0, 300)
            .Select(i => Asked("Do I need a degree?", Minutes(i), new QuestionDecision(QuestionOutcome.Suggested) { SuggestionIds = [i == 299 ? "latest" : "earlier"] }, WithModel, text: i == 299 ? "Do  I need a degree?" : null))
            .Append(Asked("another question", Minutes(500), new QuestionDecision(QuestionOutcome.Declined), WithModel))
            .ToList();
        await Log.AppendAsync(asks[..150]);
        await Log.AppendAsync(asks[150..]);

        var page = await Log.ListShakyAsync(Guild, At, Cut, 10);

        Assert.Equal((2, 301), (page.Distinct, page.Asked));
        Assert.Equal(["another question", "Do  I need a degree?"], page.Questions.Select(q => q.Text));
        Assert.Equal([1, 300], page.Questions.Select(q => q.Count));
        Assert.Equal(["latest"], page.Questions[1].LastDecision.SuggestionIds);
        Assert.Equal(Minutes(299), page.Questions[1].LastAsked);
    }

    [Fact]
    public async Task More_than_a_page_of_distinct_questions_pages_to_the_oldest_without_losing_or_repeating_one()
    {
        // 520 distinct questions, the oldest asked 300 times (its last ask is still the oldest), two sharing a moment.
        var asks = Enumerable.Range(0, 520)
            .Select(i => Asked($"question number {i:D3}", Minutes(i == 7 ? 8 : i), new QuestionDecision(QuestionOutcome.Declined), WithModel))
            .Concat(Enumerable.Range(0, 299).Select(_ => Asked("question number 000", At.AddTicks(-1), new QuestionDecision(QuestionOutcome.Declined), WithModel)))
            .ToList();
        await Log.AppendAsync(asks);

        var first = await Log.ListShakyAsync(Guild, At.AddTicks(-1), Cut, 500);
        var second = await Log.ListShakyAsync(Guild, At.AddTicks(-1), Cut, 500, first.Older);

        Assert.Equal((500, 520, 819), (first.Questions.Count, first.Distinct, first.Asked));
        Assert.Equal("question number 519", first.Questions[0].Text);
        Assert.NotNull(first.Older);
        Assert.Equal((20, 520, 819, (ShakyCursor?)null), (second.Questions.Count, second.Distinct, second.Asked, second.Older));
        Assert.Equal("question number 000", second.Questions[^1].Text);
        Assert.Equal(300, second.Questions[^1].Count);
        var all = first.Questions.Concat(second.Questions).Select(q => q.Text).ToList();
        Assert.Equal(Enumerable.Range(0, 520).Select(i => $"question number {i:D3}").Order(StringComparer.Ordinal), all.Order(StringComparer.Ordinal));
        // Latest first; the two asked at the same moment come in descending text order.
        Assert.Equal(all.OrderByDescending(t => t == "question number 007" ? 8 : int.Parse(t[^3..], System.Globalization.CultureInfo.InvariantCulture)).ThenByDescending(t => t, StringComparer.Ordinal), all);
    }

    [Fact]
    public async Task A_page_past_the_oldest_is_empty_and_still_gives_the_totals()
    {
        var only = Asked("the only question", At, new QuestionDecision(QuestionOutcome.Declined), WithModel);
        await Log.AppendAsync([only]);

        var past = await Log.ListShakyAsync(Guild, At, Cut, 10, new ShakyCursor(At.UtcTicks, "a"));

        Assert.Empty(past.Questions);
        Assert.Equal((1, 1, (ShakyCursor?)null), (past.Distinct, past.Asked, past.Older));
    }

    private static QuestionDecision Answer(double confidence) =>
        new(QuestionOutcome.Answered) { EntryId = "degree-required", Confidence = confidence };

    private LoggedQuestion Asked(string normalised, DateTimeOffset at, QuestionDecision decision, string engine, CommunityId? community = null, string? text = null)
    {
        var n = Interlocked.Increment(ref _next);
        return new LoggedQuestion($"question{n:D14}", community ?? Guild, text ?? normalised, normalised, at, decision, engine, "hash-of-asker-a");
    }
}
