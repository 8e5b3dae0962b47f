using System.Text.Json.Nodes;
using MentorBot.Core.Commands;
using MentorBot.Slack.Rendering;

namespace MentorBot.Slack.Tests.Rendering;

public sealed class SlackRendererTests
{
    [Fact]
    public void Renders_header_section_fields_context_and_buttons()
    {
        var reply = new Reply
        {
            Title = "Week 3",
            Text = "Read **chapter 2** and run `npm test`.\n\n- first\n- second",
            Fields = [new ReplyField("Streak", "4 weeks", true)],
            Footer = "Sources: roadmap",
            FollowUps = [new FollowUp("Next week's task", "task", new Dictionary<string, string>()), FollowUp.Faq("Degree?", "degree")],
        };

        var message = SlackRenderer.Render(reply);
        var types = message.Blocks.Select(b => b!["type"]!.GetValue<string>()).ToList();

        Assert.Equal(["header", "section", "section", "context", "actions"], types);
        var section = message.Blocks[1]!["text"]!["text"]!.GetValue<string>();
        Assert.Contains("*chapter 2*", section, StringComparison.Ordinal);
        Assert.DoesNotContain("**", section, StringComparison.Ordinal);
        Assert.Contains("`npm test`", section, StringComparison.Ordinal);
        Assert.Contains("• first", section, StringComparison.Ordinal);
        var buttons = message.Blocks[4]!["elements"]!.AsArray();
        Assert.Equal(2, buttons.Count);
        Assert.Equal(2, buttons.Select(b => b!["action_id"]!.GetValue<string>()).Distinct().Count());
        Assert.Equal("in_channel", message.ResponseType);
        Assert.Contains("Week 3", message.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("**", message.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Follow_up_values_decode_to_the_command_and_options()
    {
        var message = SlackRenderer.Render(new Reply { Text = "x", FollowUps = [FollowUp.Faq("Degree?", "degree")] });
        var value = message.Blocks.Last()!["elements"]![0]!["value"]!.GetValue<string>();

        var decoded = FollowUpValue.TryDecode(value);

        Assert.NotNull(decoded);
        Assert.Equal("faq", decoded.Command);
        Assert.Equal("degree", decoded.Options["QUESTION"]);
        Assert.True(value.Length <= FollowUpValue.MaxLength);
    }

    [Fact]
    public void A_follow_up_too_long_for_a_button_value_is_left_out()
    {
        var huge = new Dictionary<string, string> { ["question"] = new string('x', 2500) };
        var message = SlackRenderer.Render(new Reply { Text = "x", FollowUps = [new FollowUp("Too long", "faq", huge)] });

        Assert.DoesNotContain(message.Blocks, b => b!["type"]!.GetValue<string>() == "actions");
    }

    [Theory]
    [InlineData("<!channel>")]
    [InlineData("<!here>")]
    [InlineData("<!everyone>")]
    [InlineData("<@U123>")]
    [InlineData("<https://evil.example|innocent>")]
    [InlineData("<!subteam^S123>")]
    public void Control_sequences_are_escaped_in_every_piece_of_text(string injection)
    {
        var reply = new Reply
        {
            Title = "T " + injection,
            Text = "**" + injection + "** and " + injection,
            Fields = [new ReplyField(injection, injection)],
            Footer = injection,
            FollowUps = [new FollowUp(injection, "faq", new Dictionary<string, string> { ["question"] = injection })],
            Visibility = ReplyVisibility.OnlyYou,
        };

        var message = SlackRenderer.Render(reply);
        var json = message.ToResponseJson();

        // Slack parses control sequences in mrkdwn objects and the top-level text; plain_text objects are shown as typed.
        var parsed = TextObjects(json["blocks"]).Where(t => t.Type == "mrkdwn").Select(t => t.Text).Append(message.Text).ToList();
        Assert.Equal(4, parsed.Count);
        foreach (var text in parsed)
            Assert.DoesNotContain("<", text, StringComparison.Ordinal);
        Assert.Contains("&lt;", message.Text, StringComparison.Ordinal);
        Assert.Equal(["T " + injection, injection], TextObjects(json["blocks"]).Where(t => t.Type == "plain_text").Select(t => t.Text));
        Assert.Equal("ephemeral", json["response_type"]!.GetValue<string>());
    }

    [Fact]
    public void A_question_with_markup_characters_is_escaped_in_mrkdwn_and_shown_as_typed_in_plain_text()
    {
        const string question = "Is C<T> & F# worth it? <!channel> &amp; >_<";
        var reply = new Reply
        {
            Title = question,
            Text = question,
            FollowUps = [FollowUp.Faq(question, question)],
        };

        var message = SlackRenderer.Render(reply);
        var texts = TextObjects(message.Blocks).ToList();

        var header = message.Blocks[0]!["text"]!;
        Assert.Equal(("plain_text", question), (header["type"]!.GetValue<string>(), header["text"]!.GetValue<string>()));
        var section = Assert.Single(texts, t => t.Type == "mrkdwn").Text;
        Assert.Equal("Is C&lt;T&gt; &amp; F# worth it? &lt;!channel&gt; &amp;amp; &gt;_&lt;", section);
        var button = message.Blocks.Last()!["elements"]![0]!;
        Assert.Equal("plain_text", button["text"]!["type"]!.GetValue<string>());
        Assert.Equal(question, button["text"]!["text"]!.GetValue<string>());
        Assert.Equal(question, FollowUpValue.TryDecode(button["value"]!.GetValue<string>())!.Options["QUESTION"]);
        Assert.DoesNotContain("<", message.Text, StringComparison.Ordinal);
        Assert.Contains("&lt;!channel&gt;", message.Text, StringComparison.Ordinal);
    }

    /// <summary>Every Block Kit text object (<c>{type, text}</c> with type plain_text or mrkdwn), in document order.</summary>
    private static IEnumerable<(string Type, string Text)> TextObjects(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject obj:
                if (obj["type"]?.GetValue<string>() is "plain_text" or "mrkdwn" && obj["text"] is JsonValue text)
                    yield return (obj["type"]!.GetValue<string>(), text.GetValue<string>());
                foreach (var (_, value) in obj)
                {
                    foreach (var t in TextObjects(value))
                        yield return t;
                }

                break;
            case JsonArray array:
                foreach (var item in array)
                {
                    foreach (var t in TextObjects(item))
                        yield return t;
                }

                break;
        }
    }

    [Fact]
    public void Ampersands_are_escaped_first_so_entities_in_user_text_stay_literal()
    {
        Assert.Equal("&amp;lt;!channel&amp;gt; &amp; &lt;b&gt;", SlackEscaper.Escape("&lt;!channel&gt; & <b>"));
    }

    [Fact]
    public void Long_text_is_split_into_sections_of_at_most_3000_characters_at_paragraph_boundaries()
    {
        var paragraph = string.Join(' ', Enumerable.Repeat("word", 150)); // 749 characters
        var text = string.Join("\n\n", Enumerable.Range(0, 12).Select(i => $"P{i} {paragraph}"));

        var message = SlackRenderer.Render(new Reply { Text = text });
        var sections = message.Blocks.Select(b => b!["text"]!["text"]!.GetValue<string>()).ToList();

        Assert.True(sections.Count >= 4);
        Assert.All(sections, s => Assert.True(s.Length <= 3000, $"section of {s.Length} characters"));
        Assert.All(sections, s => Assert.StartsWith("P", s, StringComparison.Ordinal));
        Assert.Equal(text.Replace("\n\n", "", StringComparison.Ordinal), string.Concat(sections).Replace("\n\n", "", StringComparison.Ordinal));
    }

    [Fact]
    public void Escaping_is_never_split_across_sections()
    {
        var text = new string('<', 2000);

        var message = SlackRenderer.Render(new Reply { Text = text });
        var sections = message.Blocks.Select(b => b!["text"]!["text"]!.GetValue<string>()).ToList();

        Assert.All(sections, s => Assert.True(s.Length <= 3000));
        Assert.Equal(string.Concat(Enumerable.Repeat("&lt;", 2000)), string.Concat(sections));
    }

    [Fact]
    public void Never_more_than_50_blocks_and_the_buttons_survive()
    {
        var text = string.Join("\n\n", Enumerable.Range(0, 80).Select(i => $"Paragraph {i} " + new string('x', 2900)));
        var reply = new Reply
        {
            Title = "Huge",
            Text = text,
            Footer = "footer",
            FollowUps = [new FollowUp("Next", "task", new Dictionary<string, string>())],
        };

        var message = SlackRenderer.Render(reply);

        Assert.True(message.Blocks.Count <= SlackRenderer.MaxBlocks);
        Assert.Equal("actions", message.Blocks.Last()!["type"]!.GetValue<string>());
        Assert.Equal("context", message.Blocks[^2]!["type"]!.GetValue<string>());
        Assert.True(message.Text.Length <= SlackRenderer.MaxFallbackText);
    }

    [Fact]
    public void More_than_ten_fields_use_several_sections()
    {
        var fields = Enumerable.Range(0, 23).Select(i => new ReplyField($"F{i}", "v")).ToList();

        var message = SlackRenderer.Render(new Reply { Text = "t", Fields = fields });

        var fieldSections = message.Blocks.Where(b => b!["fields"] is not null).ToList();
        Assert.Equal(3, fieldSections.Count);
        Assert.All(fieldSections, s => Assert.True(s!["fields"]!.AsArray().Count <= 10));
    }

    [Fact]
    public void A_long_title_is_cut_to_the_header_limit()
    {
        var message = SlackRenderer.Render(new Reply { Title = new string('&', 200), Text = "t" });

        var header = message.Blocks[0]!["text"]!["text"]!.GetValue<string>();
        Assert.True(header.Length <= SlackRenderer.MaxHeaderText);
        Assert.Equal(new string('&', SlackRenderer.MaxHeaderText - 1) + "…", header);
    }
}
