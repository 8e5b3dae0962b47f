namespace MentorBot.Discord.Commands;

/// <summary>Application command option types used by the bot.</summary>
public static class OptionTypes
{
    public const int Subcommand = 1;
    public const int String = 3;
    public const int Integer = 4;
    public const int Boolean = 5;
    public const int User = 6;
}
