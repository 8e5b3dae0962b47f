using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using MentorBot.Core.Faq.QuestionLog;
using MentorBot.Core.Identity;
using MentorBot.Slack.Tests.Fakes;
using Microsoft.Extensions.DependencyInjection;

namespace MentorBot.Slack.Tests.EndToEnd;

/// <summary>Helpful / Not helpful on a /faq answer, clicked as block_actions through the whole host in Http mode.</summary>
public sealed class FeedbackButtonTests : IAsyncLifetime
{
    private FakeSlack _slack = null!;
    private RunningHost _host = null!;

    private static CommunityId Workspace => new("slack", FakeSlack.TeamId);

    public async Task InitializeAsync()
    {
        _slack = await FakeSlack.StartAsync();
        _slack.Users["U0LEARNER"] = new FakeSlackUser("U0LEARNER", "ada");
        _host = await RunningHost.StartAsync(_slack, SlackMode.Http);
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        await _slack.DisposeAsync();
    }

    [Fact]
    public async Task An_answer_carries_two_rating_buttons_a_click_records_a_vote_and_a_second_click_changes_it()
    {
        var answer = await AnswerAsync("do I need a CS degree");
        var buttons = answer.GetProperty("blocks").EnumerateArray()
            .Where(b => b.GetProperty("type").GetString() == "actions")
            .SelectMany(b => b.GetProperty("elements").EnumerateArray())
            .ToList();
        var helpful = buttons.Single(b => b.GetProperty("text").GetProperty("text").GetString() == "Helpful");
        var notHelpful = buttons.Single(b => b.GetProperty("text").GetProperty("text").GetString() == "Not helpful");

        var first = await ClickAsync(helpful);
        var second = await ClickAsync(notHelpful);

        foreach (var ack in new[] { first, second })
        {
            Assert.Equal("ephemeral", ack["response_type"]!.GetValue<string>());
            Assert.False(ack["replace_original"]!.GetValue<bool>());
            Assert.Contains(FaqQuestionLog.VoteRecorded, ack["text"]!.GetValue<string>(), StringComparison.Ordinal);
        }
        var log = _host.App.Services.GetRequiredService<IQuestionLog>();
        var question = Assert.Single(await log.ListAsync(Workspace, DateTimeOffset.MinValue));
        Assert.Equal(FeedbackKind.NotHelpful, Assert.Single((await log.ExportAskerAsync(Workspace, question.AskerHash!)).Feedback).Kind);
        Assert.Equal([new EntryFeedback(question.Decision.EntryId!, 0, 1, 0)], await log.FeedbackByEntryAsync(Workspace, DateTimeOffset.MinValue));
        Assert.DoesNotContain("U0LEARNER", question.AskerHash!, StringComparison.Ordinal);
    }

    private async Task<JsonElement> AnswerAsync(string question)
    {
        var responseUrl = _slack.NewResponseUrl();
        using var response = await _host.PostSignedAsync("/slack/commands", SlashForm.Form("/faq", question, "U0LEARNER", responseUrl));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadAsStringAsync();
        if (!string.IsNullOrEmpty(body))
            return FakeSlack.Parse(body);
        // A cold host on a busy machine can miss the ack budget; the answer then arrives through response_url.
        var id = responseUrl.Segments.Last();
        await MentorBot.Testing.Wait.UntilAsync(() => _slack.ResponseUrlPosts.Any(p => p.Id == id), "a slow answer must arrive through response_url");
        return FakeSlack.Parse(_slack.ResponseUrlPosts.First(p => p.Id == id).Body.ToJsonString());
    }

    private async Task<JsonObject> ClickAsync(JsonElement button)
    {
        var responseUrl = _slack.NewResponseUrl();
        var payload = FakeSlack.ButtonClick("U0LEARNER", "ada", responseUrl, button);

        using var response = await _host.PostSignedAsync("/slack/interactions", "payload=" + Uri.EscapeDataString(payload.ToJsonString()));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var id = responseUrl.Segments.Last();
        await MentorBot.Testing.Wait.UntilAsync(() => _slack.ResponseUrlPosts.Any(p => p.Id == id), "the click's answer through response_url");
        return _slack.ResponseUrlPosts.First(p => p.Id == id).Body;
    }
}
