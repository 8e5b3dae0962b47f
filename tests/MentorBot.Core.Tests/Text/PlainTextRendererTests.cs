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
}
