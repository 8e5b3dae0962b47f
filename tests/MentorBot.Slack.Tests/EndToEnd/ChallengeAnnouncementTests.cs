using System.Net;
using System.Text.Json;
using MentorBot.Slack.Tests.Fakes;

namespace MentorBot.Slack.Tests.EndToEnd;

/// <summary>
/// A challenge posted over Slack is announced in the channel the configuration names, and the moderator's reply links
/// that channel: the id comes from the bot's own configuration, so it is a Slack channel link, while the challenge's
/// own text (typed by a user) stays escaped.
/// </summary>
public sealed class ChallengeAnnouncementTests : IAsyncLifetime
{
    private FakeSlack _slack = null!;
    private RunningHost _host = null!;

    public async Task InitializeAsync()
    {
        _slack = await FakeSlack.StartAsync();
        _slack.Users["U0ADMIN"] = new FakeSlackUser("U0ADMIN", "grace", IsAdmin: true);
        _slack.Channels["C0ANNOUNCE"] = true;
        _host = await RunningHost.StartAsync(_slack, SlackMode.Http, new Dictionary<string, string?>
        {
            ["Delivery:AnnouncementChannels:slack:" + FakeSlack.TeamId] = "C0ANNOUNCE",
            // Long enough that the reply comes inline on a busy machine: the assertion reads the response body.
            ["Slack:AckBudget"] = "00:00:02.500",
        });
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        await _slack.DisposeAsync();
    }

    [Fact]
    public async Task The_reply_to_a_posted_challenge_links_the_announcement_channel_and_escapes_the_user_text()
    {
        var responseUrl = _slack.NewResponseUrl();
        using var response = await _host.PostSignedAsync(
            "/slack/commands", SlashForm.Form("/challenge", "post title:Todo description:Build&ship<!here> due:2099-12-31", "U0ADMIN", responseUrl));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadAsStringAsync();
        var id = responseUrl.Segments.Last();
        if (string.IsNullOrEmpty(body))
        {
            await MentorBot.Testing.Wait.UntilAsync(() => _slack.ResponseUrlPosts.Any(p => p.Id == id), "a slow answer must arrive through response_url");
            body = _slack.ResponseUrlPosts.First(p => p.Id == id).Body.ToJsonString();
        }

        var reply = FakeSlack.Parse(body);
        var mrkdwn = string.Join("\n", reply.GetProperty("blocks").EnumerateArray()
            .Where(b => b.GetProperty("type").GetString() == "section" && b.TryGetProperty("text", out _))
            .Select(b => b.GetProperty("text").GetProperty("text").GetString()));
        Assert.Contains("Announced in <#C0ANNOUNCE>.", mrkdwn, StringComparison.Ordinal);
        Assert.DoesNotContain("&lt;#", mrkdwn, StringComparison.Ordinal);
        Assert.Contains("Build&amp;ship&lt;!here&gt;", mrkdwn, StringComparison.Ordinal);
        var fallback = reply.GetProperty("text").GetString()!;
        Assert.Contains("Announced in <#C0ANNOUNCE>.", fallback, StringComparison.Ordinal);
        Assert.Contains("Build&amp;ship&lt;!here&gt;", fallback, StringComparison.Ordinal);
        var announcement = Assert.Single(_slack.PostedMessages, m => m["channel"]?.GetValue<string>() == "C0ANNOUNCE");
        Assert.Contains("Build&amp;ship&lt;!here&gt;", announcement["text"]!.GetValue<string>(), StringComparison.Ordinal);
    }
}
