namespace MentorBot.Core.Commands;

/// <summary>How an option's value looks when typed as text; slash-command platforms pass values whole and ignore it.</summary>
public enum TextShape
{
    /// <summary>One word (or one quoted phrase).</summary>
    Word,

    /// <summary>Free text that may hold spaces: a named value runs until the next <c>name:</c> of the command.</summary>
    Words,

    /// <summary>A <c>yyyy-MM-dd</c> date, recognised at the end of a positional line after free text.</summary>
    Date,
}
