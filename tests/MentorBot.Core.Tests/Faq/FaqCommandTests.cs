using MentorBot.Core.Commands;
using MentorBot.Core.Faq;
using MentorBot.Core.Tests.Fakes;
using MentorBot.Core.Tests.Commands;

namespace MentorBot.Core.Tests.Faq;

public sealed class FaqCommandTests : IDisposable
{
    private readonly BotHarness _bot = new();

    public void Dispose() => _bot.Dispose();

    [Fact]
    public async Task Answered_question_moves_sources_to_footer_and_offers_existing_related_entries()
    {
        _bot.Faq.Result = new FaqResult(SampleKnowledge.Degree, 0.9, []);

        var reply = await _bot.SendAsync("/faq do I need a degree");

        Assert.Equal(["do I need a degree"], _bot.Faq.Asked);
        Assert.Equal(ReplyKind.Answer, reply.Kind);
        Assert.Equal("Do I need a CS degree?", reply.Title);
        Assert.Equal("No. Many backend developers are self-taught.", reply.Text);
        Assert.Equal("Sources: https://example.org/degree", reply.Footer);
        // "missing-entry" is not in the knowledge base, so only three real entries are offered.
        Assert.Equal(["portfolio", "first-language", "learning-path"], reply.FollowUps.Select(f => f.Options["question"]));
        Assert.All(reply.FollowUps, f => Assert.Equal("faq", f.Command));
        Assert.Equal("What should my portfolio contain?", reply.FollowUps[0].Label);
    }

    [Fact]
    public async Task Answer_without_sources_line_uses_the_entry_sources_as_footer()
    {
        _bot.Faq.Result = new FaqResult(SampleKnowledge.FirstLanguage, 0.9, []);

        var reply = await _bot.SendAsync("/faq first language");

        Assert.Equal("Pick one and stick with it.", reply.Text);
        Assert.Equal("Sources: https://example.org/lang", reply.Footer);
        Assert.Empty(reply.FollowUps);
    }

    [Fact]
    public async Task Unsure_answer_offers_did_you_mean_follow_ups()
    {
        _bot.Faq.Result = new FaqResult(null, 0.2, [SampleKnowledge.Portfolio, SampleKnowledge.LearningPath]);

        var reply = await _bot.SendAsync("/faq how do portfolios");

        Assert.Equal(ReplyKind.Refusal, reply.Kind);
        Assert.Contains("I don't have a confident answer", reply.Text, StringComparison.Ordinal);
        Assert.Contains("Did you mean", reply.Text, StringComparison.Ordinal);
        Assert.Equal(["portfolio", "learning-path"], reply.FollowUps.Select(f => f.Options["question"]));
    }

    [Fact]
    public async Task Unsure_answer_without_suggestions_points_to_the_topic_list()
    {
        var reply = await _bot.SendAsync("/faq what is the meaning of life");

        Assert.Contains("/faq", reply.Text, StringComparison.Ordinal);
        var followUp = Assert.Single(reply.FollowUps);
        Assert.Equal("faq", followUp.Command);
        Assert.Empty(followUp.Options);
    }

    [Fact]
    public async Task No_question_lists_topic_titles_with_ids()
    {
        var reply = await _bot.SendAsync("/faq");

        Assert.Empty(_bot.Faq.Asked);
        Assert.Contains("Do I need a CS degree?", reply.Text, StringComparison.Ordinal);
        Assert.Contains("`portfolio`", reply.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Follow_up_button_sends_the_entry_id_as_the_question()
    {
        _bot.Faq.Result = new FaqResult(SampleKnowledge.Portfolio, 1, []);
        var followUp = FollowUp.Faq("Portfolio", "portfolio");

        await _bot.Dispatcher.DispatchAsync(new CommandRequest(followUp.Command, followUp.Options, BotHarness.Alice, BotHarness.Community));

        Assert.Equal(["portfolio"], _bot.Faq.Asked);
    }

    [Fact]
    public async Task Question_over_300_characters_is_refused_before_the_engine_runs()
    {
        var reply = await _bot.RunAsync("faq", options: ("question", new string('a', 301)));

        Assert.Equal(ReplyKind.Refusal, reply.Kind);
        Assert.Empty(_bot.Faq.Asked);
    }

    [Fact]
    public void Faq_definition_declares_autocomplete_and_a_limit()
    {
        var faq = _bot.Dispatcher.Commands.Single(c => c.Name == "faq");
        var question = Assert.Single(faq.Options);
        Assert.True(question.Autocomplete);
        Assert.Equal(300, question.MaxLength);
    }
}
