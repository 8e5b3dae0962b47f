namespace MentorBot.Core.Text;

/// <summary>Either a <see cref="Command"/> or an <see cref="Error"/> fit to show the person who typed the line.</summary>
public sealed record TextParseResult(ParsedCommand? Command, string? Error)
{
    public bool Success => Command is not null;

    public static TextParseResult Ok(ParsedCommand command) => new(command, null);

    public static TextParseResult Fail(string error) => new(null, error);
}
