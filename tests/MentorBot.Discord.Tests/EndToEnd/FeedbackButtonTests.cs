using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using MentorBot.Core.Faq.QuestionLog;
using MentorBot.Core.Identity;
using MentorBot.Discord.Tests.Fakes;
using Microsoft.Extensions.DependencyInjection;

namespace MentorBot.Discord.Tests.EndToEnd;

/// <summary>Helpful / Not helpful on a /faq answer, clicked through the whole host's signed interactions endpoint.</summary>
public sealed class FeedbackButtonTests : HttpModeHost
{
    private static readonly CommunityId Guild = new("discord", "333333333333333333");

    [Fact]
    public async Task An_answer_carries_two_rating_buttons_a_click_records_a_vote_and_a_second_click_changes_it()
    {
        var answer = await PostInteractionAsync(Discord.NewCommandInteraction("faq", [new JsonObject { ["name"] = "question", ["type"] = 3, ["value"] = "do I need a degree to become a backend developer" }]));
        var buttons = answer.GetProperty("data").GetProperty("components").EnumerateArray()
            .SelectMany(row => row.GetProperty("components").EnumerateArray()).ToList();
        var helpful = buttons.Single(b => b.GetProperty("label").GetString() == "Helpful").GetProperty("custom_id").GetString()!;
        var notHelpful = buttons.Single(b => b.GetProperty("label").GetString() == "Not helpful").GetProperty("custom_id").GetString()!;
        Assert.InRange(helpful.Length, 1, 100);
        Assert.InRange(notHelpful.Length, 1, 100);

        var first = await ClickAsync(helpful);
        var second = await ClickAsync(notHelpful);

        foreach (var ack in new[] { first, second })
        {
            Assert.Equal(4, ack.GetProperty("type").GetInt32());
            Assert.Equal(64, ack.GetProperty("data").GetProperty("flags").GetInt32());
            Assert.Equal(FaqQuestionLog.VoteRecorded, ack.GetProperty("data").GetProperty("content").GetString());
        }
        var log = Host.Services.GetRequiredService<IQuestionLog>();
        var question = Assert.Single(await log.ListAsync(Guild, DateTimeOffset.MinValue));
        var voter = Assert.Single((await log.ExportAskerAsync(Guild, question.AskerHash!)).Feedback);
        Assert.Equal(FeedbackKind.NotHelpful, voter.Kind);
        Assert.Equal([new EntryFeedback(question.Decision.EntryId!, 0, 1, 0)], await log.FeedbackByEntryAsync(Guild, DateTimeOffset.MinValue));
        Assert.DoesNotContain("222222222222222222", question.AskerHash!, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_rating_click_for_a_question_that_was_never_logged_is_refused_privately()
    {
        var ack = await ClickAsync($"mb1|faq|q={QuestionIds.New(DateTimeOffset.UnixEpoch)}|vote=up");

        Assert.Equal(64, ack.GetProperty("data").GetProperty("flags").GetInt32());
        Assert.Contains("Nothing was recorded", ack.GetProperty("data").GetProperty("content").GetString(), StringComparison.Ordinal);
        Assert.Empty(await Host.Services.GetRequiredService<IQuestionLog>().FeedbackByEntryAsync(Guild, DateTimeOffset.MinValue));
    }

    private Task<JsonElement> ClickAsync(string customId)
    {
        var click = Discord.NewCommandInteraction("faq");
        click["type"] = 3;
        click["data"] = new JsonObject { ["custom_id"] = customId, ["component_type"] = 2 };
        return PostInteractionAsync(click);
    }

    private async Task<JsonElement> PostInteractionAsync(JsonObject interaction)
    {
        var body = interaction.ToJsonString();
        var timestamp = (1700000000 + Random.Shared.Next(1000)).ToString(CultureInfo.InvariantCulture);
        using var request = new HttpRequestMessage(HttpMethod.Post, "/discord/interactions") { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        request.Headers.Add("X-Signature-Ed25519", Signer.Sign(timestamp, body));
        request.Headers.Add("X-Signature-Timestamp", timestamp);
        using var response = await Http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, text);
        return JsonDocument.Parse(text).RootElement.Clone();
    }
}
