using MentorBot.Core.Commands;
using MentorBot.Core.Delivery;
using MentorBot.Core.Tests.Fakes;
using MentorBot.Core.Tests.Commands;
using MentorBot.Core.Challenges;

namespace MentorBot.Core.Tests.Challenges;

/// <summary><c>/challenge post</c> announces the challenge in the community's <c>Delivery:AnnouncementChannels</c> entry.</summary>
public sealed class ChallengeAnnouncementTests : IDisposable
{
    private readonly BotHarness _bot = new();

    public void Dispose() => _bot.Dispose();

    private Task<Reply> PostAsync() =>
        _bot.SendAsync("/challenge post \"Build a URL shortener\" Make it fast due:2026-12-01", BotHarness.Mod);

    [Fact]
    public async Task A_configured_community_gets_a_public_announcement_in_its_channel()
    {
        _bot.DeliveryOptions.AnnouncementChannels[BotHarness.Community.ToString()] = "general";

        var reply = await PostAsync();

        Assert.Equal(ReplyKind.Success, reply.Kind);
        Assert.EndsWith("Announced in <#general>.", reply.Text, StringComparison.Ordinal);
        var (community, channel, announcement, key) = Assert.Single(_bot.Messenger.ChannelMessages);
        Assert.Equal(BotHarness.Community, community);
        Assert.Equal("general", channel);
        Assert.Equal("challenge-1", key);
        Assert.Equal("New challenge #1: Build a URL shortener", announcement.Title);
        Assert.Equal("Make it fast", announcement.Text);
        Assert.Equal(ReplyVisibility.Public, announcement.Visibility);
        var due = Assert.Single(announcement.Fields);
        Assert.Equal("Due", due.Name);
        Assert.Contains("2026", due.Value, StringComparison.Ordinal);
        Assert.Equal("Submit with /challenge submit id:1 link:<url>", announcement.Footer);
        Assert.Empty(_bot.Messenger.Messages);
    }

    [Fact]
    public async Task Without_a_channel_for_the_community_nothing_is_announced()
    {
        _bot.DeliveryOptions.AnnouncementChannels["console:elsewhere"] = "general";

        var reply = await PostAsync();

        Assert.Equal(ReplyKind.Success, reply.Kind);
        Assert.DoesNotContain("Announced", reply.Text, StringComparison.Ordinal);
        Assert.Empty(_bot.Messenger.ChannelMessages);
        Assert.Single(_bot.Challenges.All);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task A_failed_announcement_still_posts_the_challenge(bool throws)
    {
        _bot.DeliveryOptions.AnnouncementChannels[BotHarness.Community.ToString()] = "general";
        _bot.Messenger.ChannelScript = (_, _) => throws
            ? throw new HttpRequestException("platform down")
            : DeliveryOutcome.Undeliverable("missing access");

        var reply = await PostAsync();

        Assert.Equal(ReplyKind.Success, reply.Kind);
        Assert.Equal("New challenge #1: Build a URL shortener", reply.Title);
        Assert.Equal("Make it fast", reply.Text);
        Assert.Empty(_bot.Messenger.ChannelMessages);
        Assert.Single(_bot.Challenges.All);
    }

    [Fact]
    public async Task Without_a_messenger_for_the_platform_nothing_is_announced()
    {
        _bot.DeliveryOptions.AnnouncementChannels[BotHarness.Community.ToString()] = "general";
        var announcer = new ChallengeAnnouncer([], Microsoft.Extensions.Options.Options.Create(_bot.DeliveryOptions));
        await PostAsync();

        Assert.Null(await announcer.AnnounceAsync(Assert.Single(_bot.Challenges.All), CancellationToken.None));
    }
}
