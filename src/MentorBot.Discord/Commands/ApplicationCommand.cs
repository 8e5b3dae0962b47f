namespace MentorBot.Discord.Commands;

/// <summary>A CHAT_INPUT application command as sent in a bulk overwrite and returned by the list endpoint.</summary>
public sealed record ApplicationCommand
{
    public string Name { get; init; } = "";

    public string Description { get; init; } = "";

    public int Type { get; init; } = 1;

    public IReadOnlyList<ApplicationCommandOption>? Options { get; init; }

    public string? DefaultMemberPermissions { get; init; }
}
