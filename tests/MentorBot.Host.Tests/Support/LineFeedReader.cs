using System.Threading.Channels;

namespace MentorBot.Host.Tests.Support;

/// <summary>
/// A console "stdin" the test types into: reads block until a line is sent, and end of input is reported once
/// <see cref="Complete"/> is called, like a pipe whose writer closed.
/// </summary>
internal sealed class LineFeedReader : TextReader
{
    private readonly Channel<string> _lines = Channel.CreateUnbounded<string>(new UnboundedChannelOptions { SingleReader = true });

    public void Send(string line)
    {
        if (!_lines.Writer.TryWrite(line))
            throw new InvalidOperationException("Input is already closed.");
    }

    public void Complete() => _lines.Writer.TryComplete();

    public override async ValueTask<string?> ReadLineAsync(CancellationToken cancellationToken)
    {
        while (await _lines.Reader.WaitToReadAsync(cancellationToken).ConfigureAwait(false))
        {
            if (_lines.Reader.TryRead(out var line))
                return line;
        }

        return null;
    }

    public override Task<string?> ReadLineAsync() => ReadLineAsync(CancellationToken.None).AsTask();

    public override string? ReadLine() => ReadLineAsync(CancellationToken.None).AsTask().GetAwaiter().GetResult();
}
