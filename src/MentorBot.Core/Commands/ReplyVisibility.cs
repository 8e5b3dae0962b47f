namespace MentorBot.Core.Commands;

/// <summary>Whether the reply is shown to the channel or only to the person who asked.</summary>
public enum ReplyVisibility
{
    Public,
    OnlyYou,
}
