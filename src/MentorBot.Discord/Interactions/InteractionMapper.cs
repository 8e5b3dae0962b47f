using System.Globalization;
using System.Text.Json;
using MentorBot.Core.Commands;
using MentorBot.Core.Identity;
using MentorBot.Discord.Commands;

namespace MentorBot.Discord.Interactions;

/// <summary>Pure translation from Discord interactions to the core's platform-free requests.</summary>
public static class InteractionMapper
{
    public const string Platform = "discord";

    /// <summary>An APPLICATION_COMMAND interaction as a request; null when it carries no command name or no user.</summary>
    public static CommandRequest? ToRequest(Interaction interaction, IReadOnlyCollection<string> moderatorRoleIds)
    {
        if (interaction.Data?.Name is not { Length: > 0 } name || !HasValidIds(interaction) || Actor(interaction, moderatorRoleIds) is not { } actor)
            return null;
        var options = interaction.Data.Options ?? [];
        string? subcommand = null;
        // Subcommand groups (type 2) are not used by the core, but walking them costs nothing and keeps the leaf options.
        while (options.Count == 1 && options[0].Type is OptionTypes.Subcommand or 2)
        {
            subcommand = options[0].Name;
            options = options[0].Options ?? [];
        }
        return Flatten(options) is { } flat ? Request(interaction, name, subcommand, flat, actor) : null;
    }

    /// <summary>A button click as the follow-up it encodes, run as whoever clicked.</summary>
    public static CommandRequest? ToFollowUpRequest(Interaction interaction, IReadOnlyCollection<string> moderatorRoleIds)
    {
        if (!Rendering.CustomIdCodec.TryDecode(interaction.Data?.CustomId, out var command, out var options)
            || !HasValidIds(interaction) || Actor(interaction, moderatorRoleIds) is not { } actor)
            return null;
        return Request(interaction, command, null, options, actor);
    }

    /// <summary>The focused option's name and partial text of an autocomplete interaction.</summary>
    public static (string Name, string Text)? Focused(Interaction interaction)
    {
        var options = interaction.Data?.Options ?? [];
        while (options.Count > 0)
        {
            if (options.FirstOrDefault(o => o.Focused == true) is { } focused)
                return TryValueText(focused.Value, out var text) ? (focused.Name, text) : null;
            options = options.SelectMany(o => o.Options ?? []).ToList();
        }
        return null;
    }

    /// <summary>
    /// Whether the user, guild and channel ids have the shape of ids (<see cref="PlatformIds"/>). Anything else is
    /// refused before it becomes a storage key: an over-long key fails in LiteDB and its error would log the whole id.
    /// </summary>
    public static bool HasValidIds(Interaction interaction) =>
        PlatformIds.IsValid(interaction.Member?.User?.Id ?? interaction.User?.Id)
        && (interaction.GuildId is null || PlatformIds.IsValid(interaction.GuildId))
        && (interaction.ChannelId is null || PlatformIds.IsValid(interaction.ChannelId));

    public static Actor? Actor(Interaction interaction, IReadOnlyCollection<string> moderatorRoleIds)
    {
        // member is sent in guilds, user in DMs.
        var user = interaction.Member?.User ?? interaction.User;
        if (user is null || string.IsNullOrEmpty(user.Id))
            return null;
        var display = interaction.Member?.Nick ?? user.GlobalName ?? user.Username ?? user.Id;
        return new Actor(new LearnerId(Platform, user.Id), display, IsModerator(interaction.Member, moderatorRoleIds));
    }

    public static bool IsModerator(GuildMember? member, IReadOnlyCollection<string> moderatorRoleIds)
    {
        if (member is null)
            return false;
        // Permissions outgrew 32 bits long ago (MODERATE_MEMBERS is 1<<40), so parse as 64-bit.
        if (ulong.TryParse(member.Permissions, NumberStyles.None, CultureInfo.InvariantCulture, out var bits) && (bits & Permissions.Moderator) != 0)
            return true;
        return member.Roles?.Any(moderatorRoleIds.Contains) == true;
    }

    public static CommunityId Community(Interaction interaction)
    {
        if (!string.IsNullOrEmpty(interaction.GuildId))
            return new CommunityId(Platform, interaction.GuildId);
        var userId = interaction.Member?.User?.Id ?? interaction.User?.Id ?? "unknown";
        return new CommunityId(Platform, "dm:" + userId);
    }

    private static CommandRequest Request(Interaction interaction, string command, string? subcommand, IReadOnlyDictionary<string, string> options, Actor actor) =>
        new(command, options, actor, Community(interaction))
        {
            Subcommand = subcommand,
            ChannelId = interaction.ChannelId,
            Locale = interaction.Locale,
        };

    /// <summary>The leaf options by name; null when a value is not readable text.</summary>
    private static Dictionary<string, string>? Flatten(IReadOnlyList<InteractionOption> options)
    {
        var result = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var option in options)
        {
            if (option.Value is not { } value)
                continue;
            if (!TryValueText(value, out var text))
                return null;
            result[option.Name] = text;
        }
        return result;
    }

    /// <summary>
    /// An option value as text. False for a string that is not valid Unicode (invalid UTF-8, or an escaped lone
    /// surrogate such as <c>\ud800</c>): the JSON parser accepts those, and only reading the string fails.
    /// </summary>
    private static bool TryValueText(JsonElement? value, out string text)
    {
        try
        {
            text = value switch
            {
                null => "",
                { ValueKind: JsonValueKind.String } v => v.GetString() ?? "",
                { ValueKind: JsonValueKind.True } => "true",
                { ValueKind: JsonValueKind.False } => "false",
                { ValueKind: JsonValueKind.Null or JsonValueKind.Undefined } => "",
                { } v => v.GetRawText(),
            };
            return true;
        }
        catch (InvalidOperationException)
        {
            text = "";
            return false;
        }
    }
}
