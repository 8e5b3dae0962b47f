using System.Text.Json;
using MentorBot.Core.Commands;
using MentorBot.Discord.Rendering;
using MentorBot.Discord.Rest;

namespace MentorBot.Discord.Tests.Rendering;

public sealed class ReplyRendererTests
{
    [Fact]
    public void Plain_reply_becomes_content_with_no_mentions_allowed()
    {
        var messages = ReplyRenderer.Render(new Reply { Text = "Hello @everyone" });

        var json = Json(Assert.Single(messages));
        Assert.Equal("Hello @everyone", json.GetProperty("content").GetString());
        Assert.Equal(0, json.GetProperty("allowed_mentions").GetProperty("parse").GetArrayLength());
        Assert.False(json.TryGetProperty("flags", out _));
        Assert.False(json.TryGetProperty("embeds", out _));
    }

    [Fact]
    public void Empty_reply_still_has_content()
    {
        var message = Assert.Single(ReplyRenderer.Render(new Reply { Text = "  " }));
        Assert.False(string.IsNullOrEmpty(message.Content));
    }

    [Fact]
    public void Only_you_sets_the_ephemeral_flag()
    {
        var message = Assert.Single(ReplyRenderer.Render(Reply.Refusal("No.")));
        Assert.Equal(64, Json(message).GetProperty("flags").GetInt32());
    }

    [Fact]
    public void Long_text_splits_at_paragraphs_within_2000()
    {
        var paragraphs = Enumerable.Range(0, 30).Select(i => $"Paragraph {i}: " + new string('x', 180)).ToList();
        var messages = ReplyRenderer.Render(new Reply { Text = string.Join("\n\n", paragraphs) });

        Assert.True(messages.Count > 1);
        Assert.All(messages, m => Assert.InRange(m.Content!.Length, 1, DiscordLimits.Content));
        Assert.All(messages, m => Assert.StartsWith("Paragraph", m.Content!, StringComparison.Ordinal));
        Assert.All(messages, m => Assert.Empty(m.AllowedMentions.Parse));
        Assert.Equal(string.Join("\n\n", paragraphs), string.Join("\n\n", messages.Select(m => m.Content)));
    }

    [Fact]
    public void Embed_respects_every_limit()
    {
        var reply = new Reply
        {
            Title = new string('t', 400),
            Text = new string('d', 9000),
            Fields = [.. Enumerable.Range(0, 40).Select(i => new ReplyField(new string('n', 300), new string('v', 2000)))],
            Footer = new string('f', 3000),
            Kind = ReplyKind.Answer,
        };

        var messages = ReplyRenderer.Render(reply);
        var embed = Assert.Single(messages[0].Embeds!);

        Assert.True(embed.Title!.Length <= DiscordLimits.EmbedTitle);
        Assert.True(embed.Description!.Length <= DiscordLimits.EmbedDescription);
        Assert.True(embed.Fields!.Count <= DiscordLimits.EmbedFields);
        Assert.All(embed.Fields, f => Assert.True(f.Name.Length <= 256 && f.Value.Length <= 1024));
        Assert.True(embed.Footer!.Text.Length <= DiscordLimits.FooterText);
        var total = embed.Title.Length + embed.Description.Length + embed.Footer.Text.Length + embed.Fields.Sum(f => f.Name.Length + f.Value.Length);
        Assert.True(total <= DiscordLimits.EmbedTotal, $"total {total}");
        Assert.All(messages.Skip(1), m => Assert.InRange(m.Content!.Length, 1, DiscordLimits.Content));
    }

    [Fact]
    public void Follow_ups_become_buttons_in_rows_of_five_with_decodable_ids()
    {
        var followUps = Enumerable.Range(0, 30).Select(i => FollowUp.Faq($"Topic {i}", $"entry-{i}")).ToList();
        var messages = ReplyRenderer.Render(new Reply { Text = "Pick one", FollowUps = followUps });

        var rows = messages[^1].Components!;
        Assert.Equal(5, rows.Count);
        Assert.All(rows, r => Assert.InRange(r.Components.Count, 1, 5));
        var first = rows[0].Components[0];
        Assert.Equal("Topic 0", first.Label);
        Assert.True(CustomIdCodec.TryDecode(first.CustomId, out var command, out var options));
        Assert.Equal("faq", command);
        Assert.Equal("entry-0", options["question"]);
    }

    [Fact]
    public void Follow_up_too_long_for_a_custom_id_is_left_out()
    {
        var reply = new Reply { Text = "x", FollowUps = [FollowUp.Faq("Long", new string('q', 120)), FollowUp.Faq("Short", "ok")] };
        var button = Assert.Single(Assert.Single(ReplyRenderer.Render(reply)[0].Components!).Components);
        Assert.Equal("Short", button.Label);
    }

    [Fact]
    public void Custom_id_round_trips_awkward_values()
    {
        var followUp = new FollowUp("x", "faq", new Dictionary<string, string> { ["question"] = "a|b=c d%é" });
        var id = CustomIdCodec.Encode(followUp);
        Assert.NotNull(id);
        Assert.True(CustomIdCodec.TryDecode(id, out _, out var options));
        Assert.Equal("a|b=c d%é", options["question"]);
        Assert.False(CustomIdCodec.TryDecode("something-else", out _, out _));
    }

    private static JsonElement Json(MessagePayload message) =>
        JsonDocument.Parse(DiscordRestClient.Serialize(message, DiscordJson.Default.MessagePayload)).RootElement;
}
