using MentorBot.Core.Commands;
using MentorBot.Slack.Rendering;

namespace MentorBot.Slack.Tests.Rendering;

/// <summary>A channel the core names from configuration (<see cref="Reply.ChannelLinks"/>) is a link; everything else stays escaped.</summary>
public sealed class ChannelLinkTests
{
    [Fact]
    public void Only_the_channels_the_core_chose_become_links_in_the_blocks_and_the_fallback()
    {
        var reply = new Reply
        {
            Text = "Build & ship <!here> <#C0OTHER>\n\nAnnounced in <#C0ANNOUNCE>.",
            ChannelLinks = ["C0ANNOUNCE"],
        };

        var message = SlackRenderer.Render(reply);
        var section = message.Blocks[0]!["text"]!["text"]!.GetValue<string>();

        Assert.Equal("Build &amp; ship &lt;!here&gt; &lt;#C0OTHER&gt;\n\nAnnounced in <#C0ANNOUNCE>.", section);
        Assert.Equal(section, message.Text);
    }

    [Theory]
    [InlineData("C0A|everyone")]
    [InlineData("C0A><!channel")]
    [InlineData("")]
    public void A_configured_id_that_is_not_id_shaped_stays_escaped(string id)
    {
        var reply = new Reply { Text = $"Announced in <#{id}>.", ChannelLinks = [id] };

        var section = SlackRenderer.Render(reply).Blocks[0]!["text"]!["text"]!.GetValue<string>();

        Assert.DoesNotContain("<", section, StringComparison.Ordinal);
    }

    [Fact]
    public void Without_channel_links_a_mention_typed_by_a_user_stays_escaped()
    {
        var section = SlackRenderer.Render(new Reply { Text = "see <#C0ANNOUNCE>" }).Blocks[0]!["text"]!["text"]!.GetValue<string>();

        Assert.Equal("see &lt;#C0ANNOUNCE&gt;", section);
    }
}
