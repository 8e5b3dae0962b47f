using System.Text;
using System.Threading.Channels;

namespace MentorBot.Host.Tests.Support;

/// <summary>
/// A console "stdout" that hands each reply to the test: the adapter flushes after every reply, so whatever was
/// written since the previous flush is one reply (replies may contain blank lines themselves).
/// </summary>
internal sealed class ReplyWriter : TextWriter
{
    private readonly Lock _gate = new();
    private readonly StringBuilder _pending = new();
    private readonly StringBuilder _all = new();
    private readonly Channel<string> _replies = Channel.CreateUnbounded<string>();

    public override Encoding Encoding => Encoding.UTF8;

    /// <summary>Everything written so far.</summary>
    public string Transcript
    {
        get
        {
            lock (_gate)
                return _all.ToString();
        }
    }

    public async Task<string> NextReplyAsync(TimeSpan timeout)
    {
        using var cts = new CancellationTokenSource(timeout);
        try
        {
            return await _replies.Reader.ReadAsync(cts.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cts.IsCancellationRequested)
        {
            throw new TimeoutException($"No reply within {timeout}. Output so far:\n{Transcript}");
        }
    }

    public override void Write(char value)
    {
        lock (_gate)
        {
            _pending.Append(value);
            _all.Append(value);
        }
    }

    public override void Write(char[] buffer, int index, int count)
    {
        lock (_gate)
        {
            _pending.Append(buffer, index, count);
            _all.Append(buffer, index, count);
        }
    }

    public override void Write(string? value)
    {
        lock (_gate)
        {
            _pending.Append(value);
            _all.Append(value);
        }
    }

    public override Task WriteAsync(string? value)
    {
        Write(value);
        return Task.CompletedTask;
    }

    public override Task WriteLineAsync()
    {
        WriteLine();
        return Task.CompletedTask;
    }

    public override Task WriteLineAsync(string? value)
    {
        WriteLine(value);
        return Task.CompletedTask;
    }

    public override Task WriteLineAsync(ReadOnlyMemory<char> buffer, CancellationToken cancellationToken = default)
    {
        Write(buffer.ToString());
        WriteLine();
        return Task.CompletedTask;
    }

    public override void Flush()
    {
        string reply;
        lock (_gate)
        {
            reply = _pending.ToString().TrimEnd('\n', '\r');
            _pending.Clear();
        }

        if (reply.Length > 0)
            _replies.Writer.TryWrite(reply);
    }

    public override Task FlushAsync()
    {
        Flush();
        return Task.CompletedTask;
    }

    public override Task FlushAsync(CancellationToken cancellationToken)
    {
        Flush();
        return Task.CompletedTask;
    }
}
