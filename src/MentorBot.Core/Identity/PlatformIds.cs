namespace MentorBot.Core.Identity;

/// <summary>
/// The shape every platform id (user, community, channel) must have before it reaches the core: 1 to
/// <see cref="MaxLength"/> ASCII letters, digits, <c>-</c>, <c>_</c> or <c>.</c>. Real ids are far shorter (Discord
/// snowflakes have at most 20 digits, Slack ids about a dozen characters); the bound keeps keys well inside LiteDB's
/// 1,023-byte index limit and keeps a hostile id out of storage and log lines.
/// </summary>
public static class PlatformIds
{
    public const int MaxLength = 64;

    public static bool IsValid(string? id)
    {
        if (string.IsNullOrEmpty(id) || id.Length > MaxLength)
            return false;
        foreach (var c in id)
        {
            if (!char.IsAsciiLetterOrDigit(c) && c is not ('-' or '_' or '.'))
                return false;
        }
        return true;
    }
}
