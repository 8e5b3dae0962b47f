using MentorBot.Core.Faq;
using MentorBot.Core.Faq.QuestionLog;
using MentorBot.Core.Identity;
using MentorBot.Core.Tests.Fakes;
using MentorBot.Testing;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace MentorBot.Core.Tests.Faq.QuestionLog;

public sealed class QuestionLogPrunerTests
{
    private static readonly CommunityId Community = new("console", "test");
    private static readonly DateTimeOffset Now = new(2026, 12, 2, 3, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Questions_older_than_the_retention_are_pruned_at_start_and_then_once_a_day()
    {
        var time = new FakeTimeProvider(Now);
        var log = new InMemoryQuestionLog();
        await log.AppendAsync(
        [
            Question("ninety-one-days-old", Now.AddDays(-91)),
            Question("eighty-nine-and-a-half-days-old", Now.AddDays(-89.5)),
            Question("fresh", Now.AddHours(-1)),
        ]);
        using var pruner = new QuestionLogPruner(Options.Create(new QuestionLogOptions()), time, store: log);

        await pruner.StartAsync(CancellationToken.None);
        await Wait.UntilAsync(() => pruner.Passes == 1);
        Assert.Equal(["eighty-nine-and-a-half-days-old", "fresh"], log.Questions.Select(q => q.Text));

        time.Advance(TimeSpan.FromDays(1));
        await Wait.UntilAsync(() => pruner.Passes == 2);
        Assert.Equal(["fresh"], log.Questions.Select(q => q.Text));

        await pruner.StopAsync(CancellationToken.None);
    }

    [Fact]
    public async Task The_retention_comes_from_the_options()
    {
        var time = new FakeTimeProvider(Now);
        var log = new InMemoryQuestionLog();
        await log.AppendAsync([Question("two-days-old", Now.AddDays(-2)), Question("fresh", Now.AddHours(-1))]);
        using var pruner = new QuestionLogPruner(Options.Create(new QuestionLogOptions { Retention = TimeSpan.FromDays(1) }), time, store: log);

        await pruner.StartAsync(CancellationToken.None);
        await Wait.UntilAsync(() => pruner.Passes == 1);
        await pruner.StopAsync(CancellationToken.None);

        Assert.Equal(["fresh"], log.Questions.Select(q => q.Text));
    }

    private static LoggedQuestion Question(string text, DateTimeOffset at) =>
        new(QuestionIds.New(DateTimeOffset.UnixEpoch), Community, text, text, at, new QuestionDecision(QuestionOutcome.Declined) { Confidence = 0 }, "kb-00000000 cal-default sem-off", "hash");
}
