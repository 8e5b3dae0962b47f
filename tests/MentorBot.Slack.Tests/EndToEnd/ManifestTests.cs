using MentorBot.Core.Commands;
using MentorBot.Slack.Tests.Fakes;
using YamlDotNet.RepresentationModel;

namespace MentorBot.Slack.Tests.EndToEnd;

/// <summary>The app manifest is the whole Slack-side setup, so it must declare everything the bot uses.</summary>
public sealed class ManifestTests
{
    private static YamlMappingNode LoadManifest()
    {
        var stream = new YamlStream();
        using var reader = new StreamReader(Path.Combine(RunningHost.RepositoryRoot(), "slack", "manifest.yaml"));
        stream.Load(reader);
        return (YamlMappingNode)stream.Documents[0].RootNode;
    }

    private static YamlNode At(YamlNode node, params string[] path) =>
        path.Aggregate(node, (current, key) => ((YamlMappingNode)current).Children[new YamlScalarNode(key)]);

    [Fact]
    public async Task Declares_every_core_command_with_a_description()
    {
        await using var slack = await FakeSlack.StartAsync();
        await using var host = await RunningHost.StartAsync(slack, SlackMode.Http);
        var commands = host.Service<ICommandDispatcher>().Commands;
        var declared = ((YamlSequenceNode)At(LoadManifest(), "features", "slash_commands")).Children.Cast<YamlMappingNode>()
            .ToDictionary(c => At(c, "command").ToString(), c => At(c, "description").ToString());

        foreach (var command in commands)
        {
            Assert.True(declared.ContainsKey("/" + command.Name), $"/{command.Name} is missing from slack/manifest.yaml");
            Assert.False(string.IsNullOrWhiteSpace(declared["/" + command.Name]));
        }

        Assert.Equal(commands.Count, declared.Count);
    }

    [Fact]
    public void Declares_exactly_the_scopes_events_and_settings_the_adapter_uses()
    {
        var manifest = LoadManifest();
        var scopes = ((YamlSequenceNode)At(manifest, "oauth_config", "scopes", "bot")).Children.Select(s => s.ToString()).ToHashSet();
        var events = ((YamlSequenceNode)At(manifest, "settings", "event_subscriptions", "bot_events")).Children.Select(s => s.ToString()).ToHashSet();

        Assert.Equal(new HashSet<string> { "commands", "chat:write", "im:write", "users:read", "app_mentions:read", "im:history", "files:write" }, scopes);
        Assert.Equal(new HashSet<string> { "app_mention", "message.im" }, events);
        Assert.Equal("true", At(manifest, "settings", "socket_mode_enabled").ToString());
        Assert.Equal("true", At(manifest, "settings", "interactivity", "is_enabled").ToString());
    }
}
