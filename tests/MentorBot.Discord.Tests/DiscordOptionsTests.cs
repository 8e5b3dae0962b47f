namespace MentorBot.Discord.Tests;

public sealed class DiscordOptionsTests
{
    private const string Key = "d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a";

    [Fact]
    public void Valid_gateway_and_http_settings_pass()
    {
        Assert.Null(new DiscordOptions { ApplicationId = "1", BotToken = "t" }.Problem());
        Assert.Null(new DiscordOptions { Mode = DiscordMode.Http, ApplicationId = "1", PublicKey = Key }.Problem());
    }

    [Theory]
    [InlineData(DiscordMode.Gateway, null, "t", null, "Discord:ApplicationId")]
    [InlineData(DiscordMode.Gateway, "1", null, null, "Discord:BotToken")]
    [InlineData(DiscordMode.Http, "1", null, null, "Discord:PublicKey")]
    [InlineData(DiscordMode.Http, "1", null, "abc", "Discord:PublicKey")]
    public void Problems_name_the_key(DiscordMode mode, string? applicationId, string? token, string? publicKey, string key)
    {
        var problem = new DiscordOptions { Mode = mode, ApplicationId = applicationId, BotToken = token, PublicKey = publicKey }.Problem();
        Assert.NotNull(problem);
        Assert.StartsWith(key, problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Global_request_limit_defaults_to_discords_50_and_must_be_positive()
    {
        Assert.Equal(50, new DiscordOptions().GlobalRequestsPerSecond);
        var problem = new DiscordOptions { ApplicationId = "1", BotToken = "t", GlobalRequestsPerSecond = 0 }.Problem();
        Assert.StartsWith("Discord:GlobalRequestsPerSecond", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Host_startup_check_reports_a_bad_discord_setting()
    {
        using var host = Fakes.HostHarness.BuildOnly(new Dictionary<string, string?>
        {
            ["Discord:Mode"] = "Http",
            ["Discord:PublicKey"] = "not-a-key",
            ["Discord:ApplicationId"] = "1",
        });

        var problem = MentorBot.Host.StartupCheck.Run(host.Services);

        Assert.NotNull(problem);
        Assert.Contains("Discord:PublicKey", problem, StringComparison.Ordinal);
    }
}
