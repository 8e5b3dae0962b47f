using MentorBot.Core.Faq;
using MentorBot.Core.Tests.Fakes;

namespace MentorBot.Core.Tests.Faq.QuestionLog;

public sealed class QuestionLogOffTests
{
    [Fact]
    public async Task Without_a_question_log_store_answers_carry_no_rating_buttons_and_suggestions_no_log_ids()
    {
        using var bot = new BotHarness();
        bot.Faq.Result = new FaqResult(SampleKnowledge.Degree, 0.9, []);
        var answer = await bot.SendAsync("/faq do I need a degree");
        bot.Faq.Result = new FaqResult(null, 0.3, [SampleKnowledge.Portfolio]);
        var unsure = await bot.SendAsync("/faq portfolios");

        Assert.DoesNotContain(answer.FollowUps, f => f.Rates);
        Assert.All(unsure.FollowUps, f => Assert.Equal(["question"], f.Options.Keys));
    }
}
