using MentorBot.Core.Faq.QuestionLog;
using MentorBot.Host.Console;
using MentorBot.Host.Tests.Support;

namespace MentorBot.Host.Tests;

/// <summary>Rating answers on the console, through the whole host on a real LiteDB file.</summary>
public sealed class ConsoleFeedbackTests : IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task Faq_helpful_rates_the_last_answer_and_faq_unhelpful_changes_the_vote()
    {
        await using var host = await ConsoleHost.StartAsync(_temp.DatabasePath);
        var log = host.Service<IQuestionLog>();

        Assert.Equal(ConsoleAdapter.NothingToRate, await host.SendAsync("/faq helpful"));
        var answer = await host.SendAsync("do I need a CS degree");
        Assert.Contains("/faq helpful", answer, StringComparison.Ordinal);
        Assert.DoesNotContain("q:", answer, StringComparison.Ordinal);

        Assert.Equal(FaqQuestionLog.VoteRecorded, await host.SendAsync("/faq helpful"));
        var since = DateTimeOffset.MinValue;
        var question = Assert.Single(await log.ListAsync(ConsoleAdapter.Community, since));
        Assert.Equal(QuestionOutcome.Answered, question.Decision.Outcome);
        var totals = Assert.Single(await log.FeedbackByEntryAsync(ConsoleAdapter.Community, since));
        Assert.Equal(new EntryFeedback(question.Decision.EntryId!, Helpful: 1, NotHelpful: 0, ChosenAsSuggestion: 0), totals);

        Assert.Equal(FaqQuestionLog.VoteRecorded, await host.SendAsync("/faq unhelpful"));
        totals = Assert.Single(await log.FeedbackByEntryAsync(ConsoleAdapter.Community, since));
        Assert.Equal(new EntryFeedback(question.Decision.EntryId!, Helpful: 0, NotHelpful: 1, ChosenAsSuggestion: 0), totals);
    }

    [Fact]
    public async Task With_the_question_log_off_nothing_is_logged_and_there_is_nothing_to_rate()
    {
        await using var host = await ConsoleHost.StartAsync(_temp.DatabasePath, new Dictionary<string, string?> { ["Faq:QuestionLog:Enabled"] = "false" });

        var answer = await host.SendAsync("do I need a CS degree");

        Assert.DoesNotContain("/faq helpful", answer, StringComparison.Ordinal);
        Assert.Equal(ConsoleAdapter.NothingToRate, await host.SendAsync("/faq helpful"));
        Assert.Empty(await host.Service<IQuestionLog>().ListAsync(ConsoleAdapter.Community, DateTimeOffset.MinValue));
        Assert.False(host.Service<FaqQuestionLog>().Enabled);
    }
}
