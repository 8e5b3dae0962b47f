namespace MentorBot.Core.Commands;

/// <summary>The kind of value an option takes; <see cref="User"/> carries a platform user id.</summary>
public enum OptionType
{
    String,
    Integer,
    Boolean,
    User,
}
