using System.Text.Json;
using MentorBot.Core.Commands;
using MentorBot.Discord.Commands;
using MentorBot.Discord.Rest;

namespace MentorBot.Discord.Tests.Commands;

public sealed class CommandTranslatorTests
{
    [Fact]
    public void Options_are_typed_required_first_with_limits()
    {
        var definition = new CommandDefinition("Demo", "A demo")
        {
            Options =
            [
                new OptionDefinition("text", "Some text", OptionType.String) { MaxLength = 50, Autocomplete = true },
                new OptionDefinition("count", "How many", OptionType.Integer, Required: true) { MinValue = 1 },
                new OptionDefinition("flag", "On or off", OptionType.Boolean),
                new OptionDefinition("who", "Someone", OptionType.User),
                new OptionDefinition("day", "A day", OptionType.String) { Choices = [new OptionChoice("monday", "monday")] },
            ],
        };

        var command = CommandTranslator.Translate(definition);

        Assert.Equal("demo", command.Name);
        Assert.Equal(["count", "text", "flag", "who", "day"], command.Options!.Select(o => o.Name));
        Assert.Equal([4, 3, 5, 6, 3], command.Options!.Select(o => o.Type));
        Assert.True(command.Options![0].Required);
        Assert.Equal(1, command.Options[0].MinValue);
        Assert.Equal(50, command.Options[1].MaxLength);
        Assert.True(command.Options[1].Autocomplete);
        Assert.Equal("monday", Assert.Single(command.Options[4].Choices!).Value);
        Assert.Null(command.DefaultMemberPermissions);
    }

    [Fact]
    public void Moderator_top_level_command_carries_default_member_permissions_as_a_string()
    {
        var command = CommandTranslator.Translate(new CommandDefinition("purge", "Moderators only") { ModeratorOnly = true });
        var json = JsonDocument.Parse(DiscordRestClient.Serialize(new List<ApplicationCommand> { command }, DiscordJson.Default.ListApplicationCommand)).RootElement[0];
        Assert.Equal(JsonValueKind.String, json.GetProperty("default_member_permissions").ValueKind);
        Assert.Equal("8192", json.GetProperty("default_member_permissions").GetString());

        var roleBased = CommandTranslator.Translate(new CommandDefinition("purge", "Moderators only") { ModeratorOnly = true }, hideModeratorCommands: false);
        Assert.Null(roleBased.DefaultMemberPermissions);
    }

    [Fact]
    public void Core_commands_translate_within_discord_rules()
    {
        using var harness = Fakes.HostHarness.BuildOnly();
        var commands = CommandTranslator.Translate(harness.Dispatcher.Commands);

        Assert.Contains(commands, c => c.Name == "faq");
        foreach (var command in commands)
        {
            Assert.Matches("^[-_a-z0-9]{1,32}$", command.Name);
            Assert.InRange(command.Description.Length, 1, 100);
            Assert.True((command.Options?.Count ?? 0) <= 25);
        }
        var challenge = commands.Single(c => c.Name == "challenge");
        // Mixes public and moderator subcommands, so it stays visible and the core refuses the moderator parts.
        Assert.Null(challenge.DefaultMemberPermissions);
        Assert.All(challenge.Options!, o => Assert.Equal(OptionTypes.Subcommand, o.Type));
        var submit = challenge.Options!.Single(o => o.Name == "submit");
        Assert.Equal(OptionTypes.Integer, submit.Options![0].Type);
    }

    [Fact]
    public void Normalized_json_ignores_what_discord_adds()
    {
        using var harness = Fakes.HostHarness.BuildOnly();
        var wanted = CommandTranslator.Translate(harness.Dispatcher.Commands).ToList();
        var asReturned = JsonSerializer.Deserialize(
            FakeDiscord.AddServerFields(DiscordRestClient.Serialize(wanted, DiscordJson.Default.ListApplicationCommand)),
            DiscordJson.Default.ListApplicationCommand)!;
        asReturned.Reverse();

        Assert.Equal(CommandRegistrar.Normalize(wanted), CommandRegistrar.Normalize(asReturned));
        var changed = wanted.Select((c, i) => i == 0 ? c with { Description = c.Description + "!" } : c).ToList();
        Assert.NotEqual(CommandRegistrar.Normalize(wanted), CommandRegistrar.Normalize(changed));
    }
}
