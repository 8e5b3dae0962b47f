namespace MentorBot.Host.Cli;

/// <summary>The streams a verb talks through; tests pass their own.</summary>
internal sealed record CliConsole(TextReader In, TextWriter Out, TextWriter Error)
{
    public static CliConsole System => new(Console.In, Console.Out, Console.Error);
}
