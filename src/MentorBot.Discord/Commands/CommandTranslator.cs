using System.Globalization;
using MentorBot.Core.Commands;
using MentorBot.Discord.Rendering;

namespace MentorBot.Discord.Commands;

/// <summary>Translates the core's command list into Discord application commands within Discord's naming rules and limits.</summary>
public static class CommandTranslator
{
    private const int MaxName = 32;
    private const int MaxDescription = 100;
    private const int MaxChoices = 25;

    /// <param name="hideModeratorCommands">
    /// Whether moderator-only top-level commands carry <c>default_member_permissions</c>. Off when moderators are
    /// recognised by role, since Discord would hide the command from role-only moderators.
    /// </param>
    public static IReadOnlyList<ApplicationCommand> Translate(IEnumerable<CommandDefinition> commands, bool hideModeratorCommands = true) =>
        [.. commands.Select(c => Translate(c, hideModeratorCommands))];

    public static ApplicationCommand Translate(CommandDefinition command, bool hideModeratorCommands = true) => new()
    {
        Name = Name(command.Name),
        Description = Description(command.Description, command.Name),
        Options = command.Subcommands.Count > 0
            ? [.. command.Subcommands.Select(Subcommand)]
            : Options(command.Options),
        // A command mixing public and moderator subcommands stays visible; the core refuses the moderator parts.
        DefaultMemberPermissions = command.ModeratorOnly && hideModeratorCommands
            ? Permissions.ManageMessages.ToString(CultureInfo.InvariantCulture)
            : null,
    };

    private static ApplicationCommandOption Subcommand(CommandDefinition sub) => new()
    {
        Type = OptionTypes.Subcommand,
        Name = Name(sub.Name),
        Description = Description(sub.Description, sub.Name),
        Options = Options(sub.Options),
    };

    private static List<ApplicationCommandOption>? Options(IReadOnlyList<OptionDefinition> options)
    {
        if (options.Count == 0)
            return null;
        // Discord rejects a required option after an optional one; the stable sort keeps the core's order otherwise.
        return [.. options.OrderBy(o => o.Required ? 0 : 1).Select(Option)];
    }

    private static ApplicationCommandOption Option(OptionDefinition option)
    {
        var choices = option.Choices.Count > 0
            ? option.Choices.Take(MaxChoices).Select(c => new CommandChoice(ReplyRenderer.Truncate(c.Name, DiscordLimits.ChoiceName), c.Value)).ToList()
            : null;
        return new ApplicationCommandOption
        {
            Type = option.Type switch
            {
                OptionType.Integer => OptionTypes.Integer,
                OptionType.Boolean => OptionTypes.Boolean,
                OptionType.User => OptionTypes.User,
                _ => OptionTypes.String,
            },
            Name = Name(option.Name),
            Description = Description(option.Description, option.Name),
            Required = option.Required ? true : null,
            Choices = choices,
            MaxLength = option.Type == OptionType.String ? option.MaxLength : null,
            MinValue = option.Type == OptionType.Integer ? option.MinValue : null,
            // Discord forbids autocomplete together with choices.
            Autocomplete = option.Autocomplete && choices is null ? true : null,
        };
    }

    private static string Name(string name)
    {
        var lower = name.Trim().ToLowerInvariant().Replace(' ', '-');
        return lower.Length <= MaxName ? lower : lower[..MaxName];
    }

    private static string Description(string description, string fallback) =>
        ReplyRenderer.Truncate(string.IsNullOrWhiteSpace(description) ? fallback : description, MaxDescription);
}
