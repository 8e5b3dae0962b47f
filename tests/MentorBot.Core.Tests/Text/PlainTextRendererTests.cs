using MentorBot.Core.Commands;
using MentorBot.Core.Text;

namespace MentorBot.Core.Tests.Text;

public sealed class PlainTextRendererTests
{
    [Fact]
    public void Renders_title_text_fields_follow_ups_and_footer_in_order()
    {
        var reply = new Reply
        {
            Title = "Do I need a **CS** degree?",
            Text = "No. **Really**.",
            Fields = [new ReplyField("Current", "3 days")],
            FollowUps = [FollowUp.Faq("Portfolio", "portfolio"), new FollowUp("Mark done", "task", new Dictionary<string, string> { ["action"] = "done" })],
            Footer = "Sources: a",
        };

        var text = PlainTextRenderer.Render(reply);

        Assert.Equal(
            "Do I need a CS degree?\nNo. Really.\nCurrent: 3 days\n1. → /faq portfolio  (Portfolio)\n2. → /task done  (Mark done)\n— Sources: a",
            text);
    }

    [Fact]
    public void Follow_up_with_several_options_uses_named_and_quoted_values()
    {
        var followUp = new FollowUp("Submit", "challenge", new Dictionary<string, string> { ["id"] = "3", ["link"] = "a b" });
        Assert.Equal("/challenge id:3 link:\"a b\"", PlainTextRenderer.CommandLine(followUp));
    }

    [Fact]
    public void Refusal_renders_just_its_text()
    {
        Assert.Equal("Nope.", PlainTextRenderer.Render(Reply.Refusal("Nope.")));
    }

    // Issue 15: /help, the /faq topic list and ask printed raw backticks and Markdown on the console.
    [Fact]
    public void Markdown_is_rendered_as_plain_text()
    {
        var reply = new Reply
        {
            Title = "`/faq` topics",
            Text = "- **Degree**: type `/faq degree`\nSee [the roadmap](https://roadmap.sh/backend) or https://example.org/a_b.",
            Fields = [new ReplyField("Try", "`/checkin`")],
            Footer = "Sources: [Guide](https://example.org/guide)",
        };

        var text = PlainTextRenderer.Render(reply);

        Assert.Equal(
            "/faq topics\n- Degree: type /faq degree\nSee the roadmap (https://roadmap.sh/backend) or https://example.org/a_b.\nTry: /checkin\n— Sources: Guide (https://example.org/guide)",
            text);
    }
}
