using MentorBot.Discord.Gateway;
using MentorBot.Discord.Rest;
using Microsoft.Extensions.DependencyInjection;

namespace MentorBot.Discord.Tests.Gateway;

public sealed class ShardOptionsTests
{
    [Theory]
    [InlineData("0-3", new[] { 0, 1, 2, 3 })]
    [InlineData("0,2", new[] { 0, 2 })]
    [InlineData(" 5 , 0-1, 1 ", new[] { 0, 1, 5 })]
    [InlineData("7", new[] { 7 })]
    public void Shard_ids_parse_as_ids_and_ranges(string text, int[] expected) =>
        Assert.Equal(expected, ShardIdList.Parse(text, out _));

    [Theory]
    [InlineData("3-1")]
    [InlineData("a")]
    [InlineData("0,,1")]
    [InlineData("-1")]
    [InlineData("0-")]
    public void Malformed_shard_ids_are_refused(string text)
    {
        Assert.Null(ShardIdList.Parse(text, out var problem));
        Assert.NotNull(problem);
    }

    [Theory]
    [InlineData(0, null, "Discord:ShardCount")]
    [InlineData(4, "0-4", "Discord:ShardIds lists shard 4")]
    [InlineData(null, "0", "Discord:ShardIds needs Discord:ShardCount")]
    [InlineData(2, "x", "Discord:ShardIds must list")]
    public void Shard_problems_name_the_key(int? count, string? ids, string expected)
    {
        var problem = new DiscordOptions { ApplicationId = "1", BotToken = "t", ShardCount = count, ShardIds = ids }.Problem();

        Assert.NotNull(problem);
        Assert.StartsWith(expected, problem, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', problem);
    }

    [Fact]
    public void All_shards_run_when_no_ids_are_given()
    {
        Assert.Null(new DiscordOptions { ApplicationId = "1", BotToken = "t", ShardCount = 3 }.Problem());
        Assert.Equal([0, 1, 2], new DiscordOptions { ShardCount = 3 }.ShardIdsFor(3));
        Assert.Equal([1, 3], new DiscordOptions { ShardCount = 4, ShardIds = "1,3" }.ShardIdsFor(4));
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(1.5)]
    [InlineData(-0.2)]
    public void Global_rate_share_must_be_a_fraction(double share) =>
        Assert.StartsWith("Discord:GlobalRateShare", new DiscordOptions { ApplicationId = "1", BotToken = "t", GlobalRateShare = share }.Problem(), StringComparison.Ordinal);

    [Fact]
    public void Host_startup_check_names_the_shard_key()
    {
        using var host = Fakes.HostHarness.BuildOnly(new Dictionary<string, string?>
        {
            ["Discord:BotToken"] = FakeDiscord.BotToken,
            ["Discord:ApplicationId"] = FakeDiscord.ApplicationId,
            ["Discord:ShardCount"] = "2",
            ["Discord:ShardIds"] = "1-2",
        });

        var problem = MentorBot.Host.StartupCheck.Run(host.Services);

        Assert.NotNull(problem);
        Assert.Contains("Discord:ShardIds lists shard 2, but Discord:ShardCount is 2", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void A_host_keeps_to_its_share_of_the_global_limit()
    {
        using var host = Fakes.HostHarness.BuildOnly(new Dictionary<string, string?>
        {
            ["Discord:BotToken"] = FakeDiscord.BotToken,
            ["Discord:ApplicationId"] = FakeDiscord.ApplicationId,
            ["Discord:GlobalRateShare"] = "0.5",
        });
        var limiter = host.Services.GetRequiredService<RateLimiter>();

        var allowed = 0;
        while (limiter.Reserve("GET /users/@me", "", globalExempt: false) == TimeSpan.Zero && allowed < 100)
            allowed++;

        Assert.Equal(25, allowed);
    }
}
