namespace MentorBot.Host.Console;

/// <summary>Where the console adapter reads commands and writes replies; tests substitute their own.</summary>
public sealed record ConsoleStreams(TextReader In, TextWriter Out)
{
    // Replies and outbound messages (the weekly task) share stdout; one gate keeps either from landing inside the other.
    private readonly Lock _outGate = new();

    public static ConsoleStreams Standard => new(System.Console.In, System.Console.Out);

    /// <summary>Writes one whole message and flushes it, never interleaved with another message.</summary>
    public void WriteMessage(string text)
    {
        lock (_outGate)
        {
            Out.Write(text);
            Out.Flush();
        }
    }
}
