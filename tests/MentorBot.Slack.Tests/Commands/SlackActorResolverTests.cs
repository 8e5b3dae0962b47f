using MentorBot.Slack.Commands;
using MentorBot.Slack.Tests.Fakes;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace MentorBot.Slack.Tests.Commands;

public sealed class SlackActorResolverTests : IAsyncLifetime
{
    private readonly FakeTimeProvider _time = new(DateTimeOffset.Parse("2026-11-23T10:00:00Z", System.Globalization.CultureInfo.InvariantCulture));
    private FakeSlack _slack = null!;

    public async Task InitializeAsync()
    {
        _slack = await FakeSlack.StartAsync();
        _slack.Users["U0ADMIN"] = new FakeSlackUser("U0ADMIN", "grace", "Asia/Tokyo", IsAdmin: true);
        _slack.Users["U0OWNER"] = new FakeSlackUser("U0OWNER", "linus", IsOwner: true);
        _slack.Users["U0LEARNER"] = new FakeSlackUser("U0LEARNER", "ada", TimeZone: null);
        _slack.Users["U0LISTED"] = new FakeSlackUser("U0LISTED", "listed");
    }

    public async Task DisposeAsync() => await _slack.DisposeAsync();

    private SlackActorResolver Resolver()
    {
        var options = new SlackOptions { BotToken = FakeSlack.BotToken, ApiBaseUrl = _slack.ApiUrl };
        options.ModeratorUserIds.Add("U0LISTED");
        return new SlackActorResolver(ApiClientFactory.Create(_slack, _time), Options.Create(options), _time, NullLogger<SlackActorResolver>.Instance);
    }

    [Fact]
    public async Task Admins_owners_and_listed_users_are_moderators_and_the_profile_time_zone_is_the_hint()
    {
        var resolver = Resolver();

        var admin = await resolver.ResolveAsync("U0ADMIN", "grace", CancellationToken.None);
        var owner = await resolver.ResolveAsync("U0OWNER", null, CancellationToken.None);
        var listed = await resolver.ResolveAsync("U0LISTED", null, CancellationToken.None);
        var learner = await resolver.ResolveAsync("U0LEARNER", null, CancellationToken.None);

        Assert.True(admin.IsModerator);
        Assert.True(owner.IsModerator);
        Assert.True(listed.IsModerator);
        Assert.False(learner.IsModerator);
        Assert.Equal("Asia/Tokyo", admin.TimeZoneHint);
        Assert.Null(learner.TimeZoneHint);
        Assert.Equal("slack:U0ADMIN", admin.Id.ToString());
    }

    [Fact]
    public async Task Lookups_are_cached_until_they_expire()
    {
        var resolver = Resolver();

        await resolver.ResolveAsync("U0ADMIN", null, CancellationToken.None);
        _time.Advance(TimeSpan.FromMinutes(9));
        await resolver.ResolveAsync("U0ADMIN", null, CancellationToken.None);
        Assert.Equal(1, _slack.CallCount("users.info"));

        // Demoted in Slack: the change shows once the cached entry expires.
        _slack.Users["U0ADMIN"] = _slack.Users["U0ADMIN"] with { IsAdmin = false };
        _time.Advance(TimeSpan.FromMinutes(2));
        var demoted = await resolver.ResolveAsync("U0ADMIN", null, CancellationToken.None);

        Assert.Equal(2, _slack.CallCount("users.info"));
        Assert.False(demoted.IsModerator);
    }

    [Fact]
    public async Task When_users_info_fails_the_user_is_answered_as_a_non_moderator()
    {
        var resolver = Resolver();
        _slack.FailNext("users.info", FakeSlackFailure.NetworkDown());

        var actor = await resolver.ResolveAsync("U0ADMIN", "grace", CancellationToken.None);

        Assert.False(actor.IsModerator);
        Assert.Equal("grace", actor.DisplayName);
    }
}
