namespace MentorBot.Host.Console;

/// <summary>Where the console adapter reads commands and writes replies; tests substitute their own.</summary>
public sealed record ConsoleStreams(TextReader In, TextWriter Out)
{
    public static ConsoleStreams Standard => new(System.Console.In, System.Console.Out);
}
