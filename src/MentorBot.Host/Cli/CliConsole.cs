namespace MentorBot.Host.Cli;

/// <summary>The streams a verb talks through; tests pass their own.</summary>
internal sealed record CliConsole(TextReader In, TextWriter Out, TextWriter Error)
{
    public static CliConsole Standard => new(global::System.Console.In, global::System.Console.Out, global::System.Console.Error);
}
