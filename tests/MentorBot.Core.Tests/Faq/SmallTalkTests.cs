using MentorBot.Core.Commands;
using MentorBot.Core.Commands.Handlers;
using MentorBot.Core.Faq;
using MentorBot.Core.Identity;
using MentorBot.Core.Tests.Fakes;

namespace MentorBot.Core.Tests.Faq;

public sealed class SmallTalkTests
{
    [Theory]
    [InlineData("hi", SmallTalkKind.Greeting)]
    [InlineData("Hello there!", SmallTalkKind.Greeting)]
    [InlineData("good morning everyone", SmallTalkKind.Greeting)]
    [InlineData("thanks!", SmallTalkKind.Thanks)]
    [InlineData("thank you so much, that helped", SmallTalkKind.Thanks)]
    [InlineData("ty bot", SmallTalkKind.Thanks)]
    [InlineData("who are you?", SmallTalkKind.Identity)]
    [InlineData("are you a bot", SmallTalkKind.Identity)]
    [InlineData("what can you do", SmallTalkKind.Capabilities)]
    [InlineData("help", SmallTalkKind.Help)]
    [InlineData("bye!", SmallTalkKind.Farewell)]
    public void Chat_that_is_not_a_question_is_small_talk(string message, SmallTalkKind kind)
    {
        var result = ShippedFaq.Service.Ask(message);

        Assert.Equal(kind, result.SmallTalk);
        Assert.Null(result.Entry);
    }

    [Theory]
    [InlineData("hi, do I need a CS degree?", "degree-required")]
    [InlineData("thanks! and how much do backend developers earn in india", "salary-india")]
    public void A_greeting_in_front_of_a_question_does_not_hide_the_question(string message, string expected)
    {
        var result = ShippedFaq.Service.Ask(message);

        Assert.Null(result.SmallTalk);
        Assert.Equal(expected, result.Entry?.Id);
    }

    [Fact]
    public async Task Small_talk_gets_a_short_introduction_that_points_to_help()
    {
        var handler = new FaqHandler(ShippedFaq.Service, new MentorBot.Core.Knowledge.StaticKnowledgeProvider(ShippedFaq.Knowledge));
        var request = new CommandRequest("faq", new Dictionary<string, string> { ["question"] = "hello" }, BotHarness.Alice, new CommunityId("console", "local"));

        var reply = await handler.HandleAsync(request, CancellationToken.None);

        Assert.Contains("MentorBot", reply.Text, StringComparison.Ordinal);
        Assert.Contains("/help", reply.Text, StringComparison.Ordinal);
        Assert.NotEqual(ReplyKind.Answer, reply.Kind);
    }

    [Theory]
    [InlineData("बैकएंड डेवलपर कैसे बनें")]
    [InlineData("¿qué lenguaje debería aprender primero para hacer servidores?")]
    public void A_question_in_another_language_is_declined_with_the_english_hint(string question)
    {
        var result = ShippedFaq.Service.Ask(question);

        Assert.Null(result.Entry);
        Assert.True(result.NotEnglish);
    }

    [Theory]
    [InlineData("do I need a degree")]
    [InlineData("wat databse shud i lern")]
    public void English_with_typos_is_not_taken_for_another_language(string question)
    {
        Assert.False(ShippedFaq.Service.Ask(question).NotEnglish);
    }
}
