namespace MentorBot.Core.Text;

/// <summary>A word of the line: <see cref="Value"/> without quotes, and where it sat so absorbed text stays verbatim.</summary>
internal sealed record TextToken(string Value, int Start, int End, bool Quoted)
{
    public string Raw(string line) => line[Start..End];
}
