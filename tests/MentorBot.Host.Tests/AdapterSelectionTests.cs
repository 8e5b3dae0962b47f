using MentorBot.Host.Tests.Support;
using Microsoft.Extensions.Configuration;

namespace MentorBot.Host.Tests;

/// <summary>Which adapters run comes from bound options checked at start, not from raw configuration strings.</summary>
public sealed class AdapterSelectionTests : IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    private static AdapterSelection Resolve(params (string Key, string Value)[] settings) =>
        AdapterSelection.Resolve(new ConfigurationBuilder()
            .AddInMemoryCollection(settings.Select(s => KeyValuePair.Create(s.Key, (string?)s.Value)))
            .Build());

    [Fact]
    public void With_nothing_configured_only_the_console_runs()
    {
        var selection = Resolve();

        Assert.True(selection.Console);
        Assert.False(selection.Discord);
        Assert.False(selection.Slack);
        Assert.Null(selection.Problem);
    }

    [Fact]
    public void A_platform_token_turns_the_console_off_unless_it_is_asked_for()
    {
        var slack = Resolve(("Slack:BotToken", "xoxb-1"));
        var both = Resolve(("Discord:PublicKey", new string('a', 64)), ("Console:Enabled", "true"));

        Assert.Equal((false, false, true), (slack.Console, slack.Discord, slack.Slack));
        Assert.Equal((true, true, false), (both.Console, both.Discord, both.Slack));
    }

    [Theory]
    [InlineData("LiteDb", "true", false)]
    [InlineData("Postgres", "true", true)]
    [InlineData("Postgres", "False", false)]
    public void Discord_coordinates_through_the_database_only_on_postgres_unless_turned_off(string provider, string coordinate, bool expected)
    {
        var selection = Resolve(("Discord:BotToken", "t"), ("Storage:Provider", provider), ("Discord:CoordinateThroughDatabase", coordinate));

        Assert.Equal(expected, selection.DiscordThroughDatabase);
    }

    // Before, an unreadable switch surfaced as the binder's message about System.Nullable`1[System.Boolean], and
    // Discord:CoordinateThroughDatabase=nope was read as "not false", i.e. true.
    [Theory]
    [InlineData("Console:Enabled", "yes")]
    [InlineData("Console:IsModerator", "maybe")]
    public async Task An_unreadable_switch_stops_the_host_with_a_line_naming_it(string key, string value)
    {
        await using var app = BotApplication.Build(
            ["--urls", "http://127.0.0.1:0"],
            configure: c => c.AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Storage:DatabasePath"] = _temp.DatabasePath,
                [key] = value,
            }));

        var problem = StartupCheck.Run(app.Services);

        Assert.Equal($"Invalid configuration: {key} must be true or false, not '{value}'.", problem);
        Assert.False(File.Exists(_temp.DatabasePath));
    }

    [Fact]
    public void An_unreadable_discord_coordination_switch_is_named_too()
    {
        var selection = Resolve(("Discord:BotToken", "t"), ("Storage:Provider", "Postgres"), ("Discord:CoordinateThroughDatabase", "nope"));

        Assert.Equal("Discord:CoordinateThroughDatabase must be true or false, not 'nope'.", selection.Problem);
    }
}
