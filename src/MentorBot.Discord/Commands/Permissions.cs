namespace MentorBot.Discord.Commands;

/// <summary>Permission bits that make someone a moderator for MentorBot.</summary>
public static class Permissions
{
    public const ulong Administrator = 1UL << 3;
    public const ulong ManageGuild = 1UL << 5;
    public const ulong ManageMessages = 1UL << 13;
    public const ulong Moderator = Administrator | ManageGuild | ManageMessages;
}
